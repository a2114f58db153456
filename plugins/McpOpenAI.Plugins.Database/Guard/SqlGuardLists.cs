namespace McpOpenAI.Plugins.Database.Guard;

/// <summary>The words and functions <see cref="SqlGuard"/> refuses, in one place so they can be reviewed.</summary>
public static class SqlGuardLists
{
    /// <summary>
    /// Statement keywords that write, change schema or settings, control transactions or run other code.
    /// None of them can appear in a plain SELECT, so each is refused wherever it appears outside strings
    /// and comments (a CTE body, a subquery, after a semicolon).
    /// </summary>
    public static IReadOnlySet<string> ForbiddenKeywords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE", "INTO", "RETURNING",
        "CREATE", "DROP", "ALTER", "TRUNCATE", "RENAME",
        "ATTACH", "DETACH", "PRAGMA", "VACUUM", "REINDEX", "ANALYZE", "CLUSTER", "REFRESH",
        "COPY", "GRANT", "REVOKE", "CALL", "DO", "EXEC", "EXECUTE", "PREPARE", "DEALLOCATE",
        "SET", "RESET", "LOCK", "LISTEN", "UNLISTEN", "NOTIFY", "LOAD", "IMPORT", "DISCARD",
        "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "ABORT", "START", "DECLARE",
        "CHECKPOINT", "REASSIGN", "SECURITY",
    };

    /// <summary>Forbidden keywords that are also the names of harmless functions, allowed only as a call: <c>replace(x, 'a', 'b')</c>.</summary>
    public static IReadOnlySet<string> KeywordsAllowedAsFunctions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "REPLACE",
    };

    /// <summary>Functions with side effects (files, server control, large objects, other connections, settings, locks, dynamic SQL).</summary>
    public static IReadOnlySet<string> ForbiddenFunctions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        // SQLite
        "load_extension", "writefile", "readfile", "edit", "fts3_tokenizer",
        // PostgreSQL: server control and files
        "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_promote",
        "pg_switch_wal", "pg_switch_xlog", "pg_start_backup", "pg_stop_backup", "pg_backup_start", "pg_backup_stop",
        "pg_create_restore_point", "pg_logical_emit_message", "pg_notify", "pg_sleep_for", "pg_sleep_until",
        "pg_import_system_collations", "pg_log_backend_memory_contexts", "pg_read_file", "pg_read_binary_file",
        "pg_stat_file", "pg_ls_dir", "pg_file_write", "pg_file_rename", "pg_file_unlink", "pg_logdir_ls",
        // PostgreSQL: large objects
        "lo_import", "lo_export", "lo_create", "lo_creat", "lo_unlink", "lo_open", "lo_close", "lo_write", "lowrite",
        "lo_put", "lo_from_bytea", "lo_truncate", "lo_truncate64",
        // PostgreSQL: settings, sequences, transaction ids
        "set_config", "nextval", "setval", "txid_current", "pg_current_xact_id",
        // PostgreSQL: functions that run a query given as text
        "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema", "ts_stat",
        // PostgreSQL: other servers
        "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query", "dblink_open", "dblink_fetch",
    };

    /// <summary>Prefixes of PostgreSQL function families with side effects.</summary>
    public static IReadOnlyList<string> ForbiddenFunctionPrefixes { get; } =
    [
        "pg_advisory", "pg_try_advisory", "pg_read_", "pg_ls_", "pg_file_", "pg_stat_reset", "pg_create_", "pg_drop_",
        "pg_replication_", "pg_wal_replay_", "pg_terminate", "pg_cancel", "dblink_",
    ];

    /// <summary>True when <paramref name="name"/> is a function <see cref="SqlGuard"/> refuses.</summary>
    public static bool IsForbiddenFunction(string name)
    {
        if (ForbiddenFunctions.Contains(name))
            return true;
        foreach (var prefix in ForbiddenFunctionPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
