using McpOpenAI.Plugins.Database.Guard;
using SQLitePCL;

namespace McpOpenAI.Plugins.Database.Sqlite;

/// <summary>
/// A SQLite authorizer that lets a connection read and nothing else: it allows reading columns, SELECT,
/// recursive CTEs, side-effect-free functions and a few introspection PRAGMAs, and denies every other action
/// (writes, schema changes, ATTACH, transactions, PRAGMA writes, load_extension…) when the statement is prepared.
/// </summary>
internal static class SqliteAuthorizer
{
    // The action codes of sqlite3_set_authorizer (https://sqlite.org/c3ref/c_alter_table.html).
    private const int Pragma = 19, Read = 20, Select = 21, Function = 31, Recursive = 33;

    private static readonly HashSet<string> ReadOnlyPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list", "table_list",
    };

    // One static delegate, so the native side never calls into a collected one.
    private static readonly delegate_authorizer Callback = Authorize;

    /// <summary>Installs the read-only authorizer on an open connection handle.</summary>
    public static void Install(sqlite3 handle)
    {
        var rc = raw.sqlite3_set_authorizer(handle, Callback, null);
        if (rc != raw.SQLITE_OK)
            throw new InvalidOperationException($"Could not install the SQLite authorizer (error {rc}).");
    }

    /// <summary>The decision for one action; public to the assembly so tests can check the table directly.</summary>
    internal static int Decide(int action, string? arg1, string? arg2) => action switch
    {
        Read or Select or Recursive => raw.SQLITE_OK,
        Function => arg2 is not null && SqlGuardLists.IsForbiddenFunction(arg2) ? raw.SQLITE_DENY : raw.SQLITE_OK,
        Pragma => arg1 is not null && ReadOnlyPragmas.Contains(arg1) ? raw.SQLITE_OK : raw.SQLITE_DENY,
        _ => raw.SQLITE_DENY,
    };

    private static int Authorize(object userData, int action, utf8z arg1, utf8z arg2, utf8z database, utf8z trigger) =>
        Decide(action, arg1.utf8_to_string(), arg2.utf8_to_string());
}
