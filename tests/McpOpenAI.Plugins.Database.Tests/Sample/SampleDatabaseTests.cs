using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Database.Results;
using McpOpenAI.Plugins.Database.Sample;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Database.Tests.Sample;

public sealed class SampleDatabaseTests(SampleDatabaseFixture sample) : IClassFixture<SampleDatabaseFixture>
{
    private static readonly string[] Tables = ["regions", "employees", "categories", "products", "customers", "orders", "order_lines", "shipments"];

    [Fact]
    public async Task FirstUse_EmptyDataFolder_CreatesDatabaseWithTenThousandRows()
    {
        Assert.True(File.Exists(sample.DatabasePath));
        Assert.Empty(Directory.GetFiles(sample.DataFolder, "*.tmp"));

        var counts = await DatabaseState.CountRowsAsync(sample.ConnectionString, Tables);

        Assert.True(counts.Values.Sum() >= 10_000, $"only {counts.Values.Sum()} rows");
        Assert.All(Tables, t => Assert.True(counts[t] > 0, $"{t} is empty"));
    }

    [Fact]
    public async Task Populate_SameSeedAndDate_GivesIdenticalRows()
    {
        var asOf = new DateOnly(2025, 3, 31);

        var first = await BuildAndFingerprintAsync(new SampleCompanyGenerator(asOf, scale: 0.2));
        var second = await BuildAndFingerprintAsync(new SampleCompanyGenerator(asOf, scale: 0.2));
        var otherSeed = await BuildAndFingerprintAsync(new SampleCompanyGenerator(asOf, seed: 7, scale: 0.2));

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public async Task Orders_SampleDatabase_RunUpToTheCreationDayOverTwoYears()
    {
        var result = await sample.Functions.CallAsync<QueryResult>("run_query", new()
        {
            ["sql"] = "SELECT MIN(order_date), MAX(order_date), julianday(MAX(order_date)) - julianday(MIN(order_date)) FROM orders",
        });

        var last = DateOnly.Parse((string)result.Rows[0][1]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - last.DayNumber, 0, 3);
        Assert.InRange(Convert.ToDouble(result.Rows[0][2], System.Globalization.CultureInfo.InvariantCulture), 690, 730);
    }

    [Fact]
    public async Task RunQuery_TopCustomersLastQuarter_ReturnsFiveRanked()
    {
        const string sql = """
            SELECT c.name, ROUND(SUM(o.total_amount), 2) AS spent
            FROM orders o JOIN customers c ON c.customer_id = o.customer_id
            WHERE o.status NOT IN ('cancelled', 'returned')
              AND o.order_date >= date('now', 'start of month', printf('-%d months', (CAST(strftime('%m', 'now') AS INTEGER) - 1) % 3 + 3))
              AND o.order_date <  date('now', 'start of month', printf('-%d months', (CAST(strftime('%m', 'now') AS INTEGER) - 1) % 3))
            GROUP BY c.customer_id, c.name
            ORDER BY spent DESC
            LIMIT 5
            """;

        var result = await sample.Functions.CallAsync<QueryResult>("run_query", new() { ["sql"] = sql });

        Assert.Equal(5, result.RowCount);
        var spent = result.Rows.Select(r => Convert.ToDouble(r[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(spent.OrderByDescending(s => s), spent);
        Assert.True(spent[4] > 0);
    }

    [Fact]
    public async Task EnsureCreated_ConcurrentFirstUse_LeavesOneWholeDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("mcpopenai-db-race-").FullName;
        try
        {
            var path = Path.Combine(folder, "company.db");
            var generator = new SampleCompanyGenerator(new DateOnly(2025, 1, 15), scale: 0.1);

            var built = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
                Task.Run(() => SampleDatabase.EnsureCreatedAsync(path, generator, cancellationToken: TestContext.Current.CancellationToken))));

            Assert.Single(built, b => b);
            Assert.Equal([path], Directory.GetFiles(folder));
            var counts = await DatabaseState.CountRowsAsync($"Data Source={path}", ["orders"]);
            Assert.Equal(generator.OrderCount, counts["orders"]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task EnsureCreated_BuildCancelled_LeavesNoFile()
    {
        var folder = Directory.CreateTempSubdirectory("mcpopenai-db-cancel-").FullName;
        try
        {
            var path = Path.Combine(folder, "company.db");
            using var cancel = new CancellationTokenSource();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SampleDatabase.EnsureCreatedAsync(path, new SampleCompanyGenerator(scale: 0.1),
                (_, _) => { cancel.Cancel(); throw new OperationCanceledException(cancel.Token); }, cancel.Token));

            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void GetSchemaScript_BothDialects_AreEmbedded()
    {
        Assert.Contains("CREATE TABLE order_lines", SampleCompanyGenerator.GetSchemaScript(Database.Guard.SqlDialect.Sqlite));
        Assert.Contains("NUMERIC(12,2)", SampleCompanyGenerator.GetSchemaScript(Database.Guard.SqlDialect.Postgres));
    }

    private static async Task<string> BuildAndFingerprintAsync(SampleCompanyGenerator generator)
    {
        var folder = Directory.CreateTempSubdirectory("mcpopenai-db-det-").FullName;
        try
        {
            var path = Path.Combine(folder, "company.db");
            await SampleDatabase.EnsureCreatedAsync(path, generator, cancellationToken: TestContext.Current.CancellationToken);
            return await DatabaseState.ContentHashAsync($"Data Source={path}", Tables);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
