using McpOpenAI.Plugins.Database.Sqlite;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Database.Tests.Sqlite;

/// <summary>
/// The locks below the tokenizer, tested with the tokenizer bypassed: statements go straight to the connection.
/// </summary>
public sealed class SqliteConnectionLayerTests(SampleDatabaseFixture sample) : IClassFixture<SampleDatabaseFixture>, IDisposable
{
    private const int SqliteAuth = 23, SqliteReadOnly = 8;
    private readonly string _copyFolder = Directory.CreateTempSubdirectory("mcpopenai-db-copy-").FullName;

    public static TheoryData<string> Writes =>
    [
        "DELETE FROM orders",
        "UPDATE customers SET name = 'x'",
        "INSERT INTO regions (region_id, name, sales_target) VALUES (99, 'x', 1)",
        "DROP TABLE orders",
        "CREATE TABLE t (x)",
        "CREATE TEMP TABLE t (x)",
        "ALTER TABLE orders ADD COLUMN x INTEGER",
        "WITH x AS (SELECT 1) DELETE FROM orders",
        "ATTACH DATABASE '/tmp/mcpopenai-layer.db' AS other",
        "VACUUM INTO '/tmp/mcpopenai-layer-vacuum.db'",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA user_version = 5",
        "PRAGMA writable_schema = ON",
        "BEGIN IMMEDIATE",
        "SELECT load_extension('/tmp/evil.so')",
        "REINDEX",
        "ANALYZE",
    ];

    [Theory]
    [MemberData(nameof(Writes))]
    public void ReadOnlyConnection_WriteWithoutGuard_FailsAndChangesNothing(string sql)
    {
        var hashBefore = DatabaseState.FileHash(sample.DatabasePath);

        using (var connection = SqliteReadOnlyConnection.Open(sample.ConnectionString))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        }

        Assert.Equal(hashBefore, DatabaseState.FileHash(sample.DatabasePath));
        Assert.False(File.Exists("/tmp/mcpopenai-layer.db"));
        Assert.False(File.Exists("/tmp/mcpopenai-layer-vacuum.db"));
    }

    [Theory]
    [InlineData("DELETE FROM orders")]
    [InlineData("UPDATE customers SET name = 'x'")]
    [InlineData("DROP TABLE orders")]
    [InlineData("ATTACH DATABASE ':memory:' AS other")]
    [InlineData("PRAGMA user_version = 5")]
    [InlineData("BEGIN")]
    [InlineData("SELECT load_extension('x')")]
    public void Authorizer_OnWritableConnection_DeniesWriteByItself(string sql)
    {
        var copy = CopyDatabase();
        var hashBefore = DatabaseState.FileHash(copy);

        using (var connection = new SqliteConnection($"Data Source={copy};Mode=ReadWrite;Pooling=False"))
        {
            connection.Open();
            SqliteAuthorizer.Install(connection.Handle!);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
            // Denied actions fail with SQLITE_AUTH; a denied function fails to prepare with "not authorized".
            Assert.True(error.SqliteErrorCode == SqliteAuth || error.Message.Contains("not authorized", StringComparison.Ordinal), error.Message);
        }

        Assert.Equal(hashBefore, DatabaseState.FileHash(copy));
    }

    [Fact]
    public void ReadOnlyMode_WithoutAuthorizer_RefusesWriteByItself()
    {
        var copy = CopyDatabase();

        using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orders";
        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Equal(SqliteReadOnly, error.SqliteErrorCode);
    }

    [Fact]
    public void ReadOnlyConnection_Reads_AreAllowed()
    {
        using var connection = SqliteReadOnlyConnection.Open(sample.ConnectionString);
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3)
            SELECT (SELECT COUNT(*) FROM orders) > 0 AND (SELECT COUNT(*) FROM n) = 3 AND upper('a') = 'A'
              AND (SELECT COUNT(*) FROM pragma_table_info('orders')) > 0
            """;

        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Theory]
    [InlineData(20, null, null, 0)]
    [InlineData(21, null, null, 0)]
    [InlineData(33, null, null, 0)]
    [InlineData(31, null, "upper", 0)]
    [InlineData(31, null, "load_extension", 1)]
    [InlineData(31, null, "writefile", 1)]
    [InlineData(19, "table_info", "orders", 0)]
    [InlineData(19, "user_version", "5", 1)]
    [InlineData(19, "journal_mode", null, 1)]
    [InlineData(9, "orders", null, 1)]
    [InlineData(18, "orders", null, 1)]
    [InlineData(22, "BEGIN", null, 1)]
    [InlineData(24, "/tmp/x.db", null, 1)]
    public void Authorizer_Decide_AllowsOnlyReads(int action, string? arg1, string? arg2, int expected)
    {
        Assert.Equal(expected, SqliteAuthorizer.Decide(action, arg1, arg2));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_copyFolder, recursive: true);
    }

    private string CopyDatabase()
    {
        var copy = Path.Combine(_copyFolder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(sample.DatabasePath, copy);
        return copy;
    }
}
