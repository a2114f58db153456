using SQLitePCL;

namespace McpOpenAI.Plugins.Support.Data;

/// <summary>
/// SQLite authorizers for the connections that serve tool calls. <see cref="ReadOnly"/> allows reading and nothing
/// else; <see cref="TicketsOnly"/> also allows INSERT and UPDATE on <c>tickets</c> and <c>ticket_events</c> (and the
/// transactions around them) and denies every other write — DELETE anywhere, other tables, schema changes, ATTACH,
/// PRAGMA — when the statement is prepared, so a write cannot reach any other table whatever SQL is run.
/// </summary>
internal static class SupportAuthorizer
{
    // The action codes of sqlite3_set_authorizer (https://sqlite.org/c3ref/c_alter_table.html).
    private const int Insert = 18, Pragma = 19, Read = 20, Select = 21, Transaction = 22, Update = 23, Function = 31, Savepoint = 32, Recursive = 33;

    /// <summary>The tables that tool calls may write.</summary>
    public static readonly IReadOnlySet<string> WritableTables = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "tickets", "ticket_events" };

    private static readonly HashSet<string> ForbiddenFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "load_extension", "readfile", "writefile", "edit", "fts3_tokenizer", "sqlite_dbpage",
    };

    // Static delegates, so the native side never calls into a collected one.
    private static readonly delegate_authorizer ReadOnlyCallback = (_, action, a1, a2, _, _) => Decide(false, action, a1.utf8_to_string(), a2.utf8_to_string());
    private static readonly delegate_authorizer TicketsOnlyCallback = (_, action, a1, a2, _, _) => Decide(true, action, a1.utf8_to_string(), a2.utf8_to_string());

    /// <summary>Installs the read-only authorizer.</summary>
    public static void ReadOnly(sqlite3 handle) => Install(handle, ReadOnlyCallback);

    /// <summary>Installs the authorizer that lets only tickets be written.</summary>
    public static void TicketsOnly(sqlite3 handle) => Install(handle, TicketsOnlyCallback);

    /// <summary>The decision for one action.</summary>
    internal static int Decide(bool ticketsWritable, int action, string? arg1, string? arg2) => action switch
    {
        Read or Select or Recursive => raw.SQLITE_OK,
        // FTS5 reads PRAGMA data_version (without an argument, a pure read) to see whether its cache is stale.
        Pragma when string.Equals(arg1, "data_version", StringComparison.OrdinalIgnoreCase) && arg2 is null => raw.SQLITE_OK,
        Function => arg2 is not null && ForbiddenFunctions.Contains(arg2) ? raw.SQLITE_DENY : raw.SQLITE_OK,
        Insert or Update when ticketsWritable && arg1 is not null && WritableTables.Contains(arg1) => raw.SQLITE_OK,
        Transaction or Savepoint when ticketsWritable => raw.SQLITE_OK,
        _ => raw.SQLITE_DENY,
    };

    private static void Install(sqlite3 handle, delegate_authorizer callback)
    {
        var rc = raw.sqlite3_set_authorizer(handle, callback, null);
        if (rc != raw.SQLITE_OK)
            throw new InvalidOperationException($"Could not install the SQLite authorizer (error {rc}).");
    }
}
