using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Database.Postgres;
using McpOpenAI.Plugins.Database.Results;
using Npgsql;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Database.Tests.Postgres;

/// <summary>The database functions against a real PostgreSQL server: reads work, every write is refused.</summary>
public sealed class PostgresReadOnlyTests(PostgresFixture pg) : IClassFixture<PostgresFixture>
{
    private static readonly string[] Tables = ["regions", "employees", "categories", "products", "customers", "orders", "order_lines", "shipments"];

    public static TheoryData<string> WriteAttempts =>
    [
        "DELETE FROM orders",
        "UPDATE customers SET name = 'x'",
        "INSERT INTO regions VALUES (99, 'x', 1)",
        "DROP TABLE orders",
        "TRUNCATE orders",
        "SELECT 1; DROP TABLE orders",
        "SELECT 1 /* ; */ ; DELETE FROM orders",
        "SELECT 1 -- comment\n; DELETE FROM orders",
        "SELECT E'\\'' ; DELETE FROM orders; SELECT '",
        "SELECT 1 /* /* */ ' */ ; DELETE FROM orders; -- '",
        "WITH x AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM x",
        "SELECT * INTO orders_copy FROM orders",
        "COPY orders TO '/tmp/mcpopenai-pg-orders.csv'",
        "SELECT 1; COMMIT; DELETE FROM orders",
        "SELECT set_config('default_transaction_read_only', 'off', false)",
        "SELECT pg_read_file('/etc/passwd')",
        "SELECT lo_import('/etc/passwd')",
        "SELECT pg_terminate_backend(pg_backend_pid())",
        "SELECT query_to_xml('DELETE FROM orders', true, true, '')",
        "DO $$ BEGIN DELETE FROM orders; END $$",
        "SELECT * FROM orders FOR UPDATE",
    ];

    [Theory]
    [MemberData(nameof(WriteAttempts))]
    public async Task RunQuery_WriteAttempt_RefusedAndDataUnchanged(string sql)
    {
        pg.SkipIfDisabled();
        var before = await FingerprintAsync();

        var error = await Assert.ThrowsAsync<FunctionException>(() =>
            Plugin().CallAsync<QueryResult>("run_query", new() { ["sql"] = sql }));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [InlineData("DELETE FROM orders")]
    [InlineData("UPDATE customers SET name = 'x'")]
    [InlineData("CREATE TABLE stolen (x int)")]
    [InlineData("CREATE TEMP TABLE scratch (x int)")]
    [InlineData("WITH x AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM x")]
    public async Task Backend_WriteWithoutGuard_RefusedByReadOnlyTransaction(string sql)
    {
        pg.SkipIfDisabled();
        var before = await FingerprintAsync();
        var backend = new PostgresBackend(pg.ConnectionString, TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<FunctionException>(() => backend.RunAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteNonQueryAsync(ct);
        }, TestContext.Current.CancellationToken));

        Assert.True(error.Code is ErrorCodes.PermissionDenied or ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Backend_CommitThenWriteWithoutGuard_StillReadOnly()
    {
        pg.SkipIfDisabled();
        var before = await FingerprintAsync();
        var backend = new PostgresBackend(pg.ConnectionString, TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<FunctionException>(() => backend.RunAsync(async (connection, ct) =>
        {
            await using (var commit = new NpgsqlCommand("COMMIT", connection))
                await commit.ExecuteNonQueryAsync(ct);
            await using var delete = new NpgsqlCommand("DELETE FROM order_lines", connection);
            return await delete.ExecuteNonQueryAsync(ct);
        }, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorCodes.PermissionDenied, error.Code);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task ListTables_SampleSchema_ListsTablesAndView()
    {
        pg.SkipIfDisabled();

        var list = await Plugin().CallAsync<TableList>("list_tables");

        Assert.Equal("postgres", list.Dialect);
        Assert.Contains(list.Tables, t => t.Name == "orders" && t.RowCount > 0 && t.Columns.Contains("order_id integer PK"));
        Assert.Contains(list.Tables, t => t.Name == "customer_revenue" && t.Type == "view");
    }

    [Fact]
    public async Task DescribeTable_Orders_ReturnsKeysIndexesAndSamples()
    {
        pg.SkipIfDisabled();

        var table = await Plugin().CallAsync<TableDescription>("describe_table", new() { ["table"] = "orders" });

        Assert.True(table.Columns.Single(c => c.Name == "order_id").PrimaryKey);
        Assert.Equal("date", table.Columns.Single(c => c.Name == "order_date").Type);
        Assert.Contains(table.ForeignKeys, k => k.ReferencedTable == "customers" && k.Columns.SequenceEqual(["customer_id"]));
        Assert.Contains(table.Indexes, i => i.Name == "ix_orders_date");
        Assert.Equal(3, table.SampleRows.Count);
    }

    [Fact]
    public async Task DescribeTable_Unknown_ThrowsNotFound()
    {
        pg.SkipIfDisabled();

        var error = await Assert.ThrowsAsync<FunctionException>(() =>
            Plugin().CallAsync<TableDescription>("describe_table", new() { ["table"] = "invoices" }));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Contains("order_lines", error.Message);
    }

    [Fact]
    public async Task RunQuery_TopCustomersLastQuarter_ReturnsFive()
    {
        pg.SkipIfDisabled();
        const string sql = """
            SELECT c.name, SUM(o.total_amount) AS spent
            FROM orders o JOIN customers c USING (customer_id)
            WHERE o.status NOT IN ('cancelled', 'returned')
              AND o.order_date >= date_trunc('quarter', CURRENT_DATE) - INTERVAL '3 months'
              AND o.order_date < date_trunc('quarter', CURRENT_DATE)
            GROUP BY c.customer_id, c.name ORDER BY spent DESC LIMIT 5;
            """;

        var result = await Plugin().CallAsync<QueryResult>("run_query", new() { ["sql"] = sql });

        Assert.Equal(5, result.RowCount);
        Assert.IsType<decimal>(result.Rows[0][1]);
    }

    [Fact]
    public async Task RunQuery_DollarQuotedSemicolons_Runs()
    {
        pg.SkipIfDisabled();

        var result = await Plugin().CallAsync<QueryResult>("run_query", new() { ["sql"] = "SELECT $$;DELETE FROM orders$$ AS s, $t$;$t$ AS t" });

        Assert.Equal(";DELETE FROM orders", result.Rows.Single()[0]);
    }

    [Fact]
    public async Task RunQuery_MoreRowsThanLimit_Truncates()
    {
        pg.SkipIfDisabled();

        var result = await Plugin().CallAsync<QueryResult>("run_query", new() { ["sql"] = "SELECT * FROM order_lines -- all of them", ["max_rows"] = 5 });

        Assert.Equal(5, result.RowCount);
        Assert.True(result.Truncated);
    }

    [Fact]
    public async Task RunQuery_LongQuery_StoppedByStatementTimeout()
    {
        pg.SkipIfDisabled();

        var error = await Assert.ThrowsAsync<FunctionException>(() =>
            Plugin(timeoutSeconds: 1).CallAsync<QueryResult>("run_query", new() { ["sql"] = "SELECT pg_sleep(30)" }));

        Assert.Equal(ErrorCodes.Timeout, error.Code);
    }

    [Fact]
    public async Task GetSchemaSummary_Postgres_ListsTablesAndKeys()
    {
        pg.SkipIfDisabled();

        var summary = await Plugin().CallAsync<SchemaSummary>("get_schema_summary");

        Assert.Contains("- order_lines (", summary.Text);
        Assert.Contains("product_id → products.product_id", summary.Text);
    }

    private KernelPlugin Plugin(int timeoutSeconds = 10) => PluginFactory.Create(new DatabasePlugin(new DatabaseOptions
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = pg.ConnectionString,
        CommandTimeoutSeconds = timeoutSeconds,
    }));

    private async Task<string> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var parts = new List<string>();
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {table} t", connection);
            parts.Add($"{table}={await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)}");
        }
        await using (var schema = new NpgsqlCommand("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace", connection))
            parts.Add($"relations={await schema.ExecuteScalarAsync(TestContext.Current.CancellationToken)}");
        return string.Join(";", parts);
    }
}
