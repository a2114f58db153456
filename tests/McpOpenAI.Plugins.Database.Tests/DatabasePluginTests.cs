using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Database.Results;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.Database.Tests;

public sealed class DatabasePluginTests(SampleDatabaseFixture sample) : IClassFixture<SampleDatabaseFixture>
{
    [Fact]
    public void FromObject_DatabasePlugin_CreatesSnakeCaseReadOnlyFunctions()
    {
        var plugin = PluginFactory.Create(sample.Plugin, "Database");

        Assert.Equal("Database", plugin.Name);
        Assert.Equal(["list_tables", "describe_table", "run_query", "get_schema_summary"], plugin.Select(f => f.Name).ToArray());
        foreach (var function in plugin)
        {
            var traits = function.GetTraits();
            Assert.True(traits.ReadOnly);
            Assert.True(traits.Idempotent);
            Assert.False(traits.OpenWorld);
            Assert.False(string.IsNullOrWhiteSpace(traits.Title));
            Assert.False(string.IsNullOrWhiteSpace(function.Description));
        }
    }

    [Fact]
    public void FromObject_RunQuery_HasSqlAndMaxRowsParameters()
    {
        Assert.True(sample.Functions.TryGetFunction("run_query", out var runQuery));
        var schema = ToolSchema.Of(runQuery).InputSchema;
        var properties = schema.GetProperty("properties");
        Assert.True(properties.TryGetProperty("sql", out var sql));
        Assert.True(properties.TryGetProperty("max_rows", out _));
        Assert.False(string.IsNullOrWhiteSpace(sql.GetProperty("description").GetString()));
        Assert.Equal(["sql"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());

        Assert.True(sample.Functions.TryGetFunction("describe_table", out var describe));
        Assert.True(ToolSchema.Of(describe).InputSchema.GetProperty("properties").TryGetProperty("table", out _));
        Assert.True(sample.Functions.TryGetFunction("list_tables", out var list));
        Assert.Equal(0, ToolSchema.Of(list).InputSchema.TryGetProperty("properties", out var none) ? none.EnumerateObject().Count() : 0);
    }

    [Fact]
    public async Task ListTables_SampleDatabase_ListsTablesWithCountsAndColumns()
    {
        var list = await sample.Functions.CallAsync<TableList>("list_tables");

        Assert.Equal("sqlite", list.Dialect);
        var names = list.Tables.Select(t => t.Name).ToList();
        foreach (var expected in new[] { "customers", "products", "categories", "orders", "order_lines", "shipments", "employees", "regions", "customer_revenue" })
            Assert.Contains(expected, names);
        var orders = list.Tables.Single(t => t.Name == "orders");
        Assert.Equal("table", orders.Type);
        Assert.True(orders.RowCount > 1000);
        Assert.Contains("order_id INTEGER PK", orders.Columns);
        Assert.Equal("view", list.Tables.Single(t => t.Name == "customer_revenue").Type);
    }

    [Fact]
    public async Task DescribeTable_Orders_ReturnsColumnsKeysIndexesAndSamples()
    {
        var table = await sample.Functions.CallAsync<TableDescription>("describe_table", new() { ["table"] = "ORDERS" });

        Assert.Equal("orders", table.Name);
        Assert.True(table.Columns.Single(c => c.Name == "order_id").PrimaryKey);
        Assert.False(table.Columns.Single(c => c.Name == "order_date").Nullable);
        Assert.Contains(table.ForeignKeys, k => k.ReferencedTable == "customers" && k.Columns.SequenceEqual(["customer_id"]) && k.ReferencedColumns.SequenceEqual(["customer_id"]));
        Assert.Contains(table.Indexes, i => i.Name == "ix_orders_date" && i.Columns.SequenceEqual(["order_date"]));
        Assert.Equal(3, table.SampleRows.Count);
        Assert.True(table.SampleRows[0].ContainsKey("total_amount"));
        Assert.True(table.RowCount > 1000);
    }

    [Fact]
    public async Task DescribeTable_UnknownTable_ThrowsNotFoundListingTables()
    {
        var error = await Assert.ThrowsAsync<FunctionException>(() =>
            sample.Functions.CallAsync<TableDescription>("describe_table", new() { ["table"] = "invoices" }));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Contains("invoices", error.Message);
        Assert.Contains("order_lines", error.Message);
    }

    [Fact]
    public async Task RunQuery_Select_ReturnsColumnsRowsAndMarkdown()
    {
        var result = await sample.Functions.CallAsync<QueryResult>("run_query", new()
        {
            ["sql"] = "SELECT category_id, name FROM categories ORDER BY category_id;",
        });

        Assert.Equal(["category_id", "name"], result.Columns);
        Assert.Equal(10, result.RowCount);
        Assert.False(result.Truncated);
        Assert.Equal(1L, result.Rows[0][0]);
        Assert.Equal("SELECT category_id, name FROM categories ORDER BY category_id", result.Sql);
        Assert.StartsWith("| category_id | name |", result.Table);
        Assert.Contains("Tents & Shelters", result.Table);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result, Kernel.KernelJson.Options));
        Assert.Equal(10, json.RootElement.GetProperty("row_count").GetInt32());
        Assert.Equal("Tents & Shelters", json.RootElement.GetProperty("rows")[0][1].GetString());
    }

    [Fact]
    public async Task RunQuery_MoreRowsThanLimit_TruncatesAndSaysSo()
    {
        var result = await sample.Functions.CallAsync<QueryResult>("run_query", new()
        {
            ["sql"] = "SELECT order_id FROM orders ORDER BY order_id",
            ["max_rows"] = 7,
        });

        Assert.Equal(7, result.RowCount);
        Assert.True(result.Truncated);
        Assert.Equal(7, result.MaxRows);
    }

    [Fact]
    public async Task RunQuery_MaxRowsAboveConfiguredLimit_UsesConfiguredLimit()
    {
        var plugin = PluginFactory.Create(sample.CreatePlugin(maxRows: 25));

        var result = await plugin.CallAsync<QueryResult>("run_query", new() { ["sql"] = "SELECT * FROM customers", ["max_rows"] = 1000 });

        Assert.Equal(25, result.RowCount);
        Assert.True(result.Truncated);
    }

    [Fact]
    public async Task RunQuery_UnknownColumn_ThrowsInvalidArgumentWithDatabaseMessage()
    {
        var error = await Assert.ThrowsAsync<FunctionException>(() =>
            sample.Functions.CallAsync<QueryResult>("run_query", new() { ["sql"] = "SELECT no_such_column FROM orders" }));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("no_such_column", error.Message);
    }

    [Fact]
    public async Task RunQuery_RunawayRecursiveQuery_TimesOut()
    {
        var plugin = PluginFactory.Create(sample.CreatePlugin(timeoutSeconds: 1));

        var error = await Assert.ThrowsAsync<FunctionException>(() => plugin.CallAsync<QueryResult>("run_query", new()
        {
            ["sql"] = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT COUNT(*) FROM r",
        }));

        Assert.Equal(ErrorCodes.Timeout, error.Code);
        Assert.Contains("time limit", error.Message);
    }

    [Fact]
    public async Task GetSchemaSummary_SampleDatabase_DescribesEveryTableCompactly()
    {
        var summary = await sample.Functions.CallAsync<SchemaSummary>("get_schema_summary");

        Assert.Equal("sqlite", summary.Dialect);
        Assert.Contains("- orders (", summary.Text);
        Assert.Contains("customer_id → customers.customer_id", summary.Text);
        Assert.Contains("Note: SQLite dialect", summary.Text);
        Assert.True(summary.Text.Length < 6000, $"summary is {summary.Text.Length} characters");
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatabasePlugin(new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            MaxRows = 0,
            CommandTimeoutSeconds = 0,
        }));

        Assert.Contains("ConnectionString is required for PostgreSQL", error.Message);
        Assert.Contains("MaxRows", error.Message);
        Assert.Contains("CommandTimeoutSeconds", error.Message);
    }
}
