using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace McpOpenAI.Plugins.Database.Sqlite;

/// <summary>
/// Opens SQLite connections that cannot write: the file is opened read-only, the authorizer denies every
/// action but reading, extension loading is off and defensive mode is on. Each lock holds on its own.
/// </summary>
internal static class SqliteReadOnlyConnection
{
    private const int DbConfigDefensive = 1010;

    /// <summary>Opens a read-only, authorizer-guarded connection.</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadOnly,
            // An unpooled handle never carries this connection's hooks into someone else's use of the pool.
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection has no handle.");
            raw.sqlite3_enable_load_extension(handle, 0);
            raw.sqlite3_db_config(handle, DbConfigDefensive, 1, out _);
            SqliteAuthorizer.Install(handle);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
