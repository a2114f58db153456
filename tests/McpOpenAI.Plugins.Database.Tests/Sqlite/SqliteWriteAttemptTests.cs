using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Database.Results;

namespace McpOpenAI.Plugins.Database.Tests.Sqlite;

/// <summary>Every way a model or a prompt injection might try to write through run_query; all refused, nothing changed.</summary>
public sealed class SqliteWriteAttemptTests(SampleDatabaseFixture sample) : IClassFixture<SampleDatabaseFixture>
{
    private static readonly string[] Tables = ["regions", "employees", "categories", "products", "customers", "orders", "order_lines", "shipments"];

    public static TheoryData<string> WriteAttempts =>
    [
        "DELETE FROM orders",
        "UPDATE customers SET name = 'x'",
        "INSERT INTO regions (region_id, name, sales_target) VALUES (99, 'x', 1)",
        "REPLACE INTO regions VALUES (1, 'x', 1)",
        "DROP TABLE orders",
        "CREATE TABLE stolen AS SELECT * FROM customers",
        "ALTER TABLE orders ADD COLUMN x INTEGER",
        "SELECT 1; DROP TABLE orders",
        "SELECT 1 /* ; */ ; DELETE FROM orders",
        "select 1; /* hi */ delete from orders;",
        "SELECT 1 -- harmless comment\n; DELETE FROM orders",
        "SELECT 1 --\nDELETE FROM orders",
        "/* SELECT */ DELETE FROM orders",
        "-- SELECT\nDELETE FROM orders",
        "SELECT 'a' ; DELETE FROM orders; SELECT 'b'",
        "(DELETE FROM orders)",
        "WITH x AS (DELETE FROM orders RETURNING *) SELECT * FROM x",
        "WITH x AS (SELECT 1) DELETE FROM orders",
        "WITH x AS (SELECT 1) INSERT INTO regions SELECT 99, 'x', 1",
        "ATTACH DATABASE '/tmp/mcpopenai-attack.db' AS attack",
        "SELECT 1; ATTACH DATABASE '/tmp/mcpopenai-attack.db' AS attack",
        "DETACH DATABASE main",
        "VACUUM INTO '/tmp/mcpopenai-vacuum.db'",
        "VACUUM",
        "PRAGMA journal_mode=DELETE",
        "PRAGMA journal_mode = WAL",
        "PRAGMA user_version=5",
        "PRAGMA writable_schema = ON",
        "SELECT * INTO orders_copy FROM orders",
        "COPY orders TO '/tmp/mcpopenai-orders.csv'",
        "SELECT load_extension('/tmp/evil.so')",
        "SELECT \"load_extension\"('/tmp/evil.so')",
        "SELECT writefile('/tmp/mcpopenai-x', 'x')",
        "BEGIN IMMEDIATE",
        "SELECT 1; COMMIT",
        "REINDEX",
        "ANALYZE",
        "SELECT [x]; DELETE FROM orders",
        "SELECT `a;b`; DELETE FROM orders",
    ];

    [Theory]
    [MemberData(nameof(WriteAttempts))]
    public async Task RunQuery_WriteAttempt_RefusedAndDatabaseUnchanged(string sql)
    {
        var hashBefore = DatabaseState.FileHash(sample.DatabasePath);
        var countsBefore = await DatabaseState.CountRowsAsync(sample.ConnectionString, Tables);

        var error = await Assert.ThrowsAsync<FunctionException>(() =>
            sample.Functions.CallAsync<QueryResult>("run_query", new() { ["sql"] = sql }));

        Assert.Contains(error.Code, new[] { ErrorCodes.InvalidArgument, ErrorCodes.PermissionDenied });
        Assert.StartsWith("Query refused:", error.Message);
        Assert.Equal(hashBefore, DatabaseState.FileHash(sample.DatabasePath));
        Assert.Equal(countsBefore, await DatabaseState.CountRowsAsync(sample.ConnectionString, Tables));
        Assert.False(File.Exists("/tmp/mcpopenai-attack.db"));
        Assert.False(File.Exists("/tmp/mcpopenai-vacuum.db"));
        Assert.Single(Directory.GetFiles(sample.DataFolder));
    }

    [Theory]
    [InlineData("SELECT ';DROP TABLE orders' AS s", ";DROP TABLE orders")]
    [InlineData("SELECT 'it''s; DELETE FROM orders' AS s;", "it's; DELETE FROM orders")]
    [InlineData("-- DELETE FROM orders;\nSELECT 'ok' /* ; DROP TABLE orders */ AS s", "ok")]
    [InlineData("SELECT replace('a;b', ';', ' ') AS s", "a b")]
    [InlineData("SELECT \"update\" AS s FROM (SELECT 'quoted' AS \"update\")", "quoted")]
    [InlineData("WITH t AS (SELECT 'cte' AS s) SELECT s FROM t", "cte")]
    public async Task RunQuery_HarmlessQueryWithTrickyText_Runs(string sql, string expected)
    {
        var hashBefore = DatabaseState.FileHash(sample.DatabasePath);

        var result = await sample.Functions.CallAsync<QueryResult>("run_query", new() { ["sql"] = sql });

        Assert.Equal(expected, result.Rows.Single()[0]);
        Assert.Equal(hashBefore, DatabaseState.FileHash(sample.DatabasePath));
    }
}
