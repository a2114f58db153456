using System.ComponentModel;
using System.Diagnostics;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Database.Guard;
using McpOpenAI.Plugins.Database.Postgres;
using McpOpenAI.Plugins.Database.Querying;
using McpOpenAI.Plugins.Database.Results;
using McpOpenAI.Plugins.Database.Sample;
using McpOpenAI.Plugins.Database.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Database;

/// <summary>
/// Read-only access to a SQL database — by default the embedded sample company — for people and agents:
/// list the tables, describe one, run a SELECT. Writes are impossible, not merely discouraged: queries pass
/// <see cref="SqlGuard"/>, and the connections themselves are read-only (SQLite read-only mode plus an
/// authorizer; PostgreSQL read-only transactions that are always rolled back).
/// </summary>
[Description("Read-only SQL database access: list tables, describe a table, run a SELECT query. By default a sample company database (customers, products, orders, order lines, shipments, employees, regions).")]
public sealed class DatabasePlugin
{
    private const int MaxSummaryTables = 100;
    private readonly DatabaseOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _backendGate = new(1, 1);
    private IDatabaseBackend? _backend;

    /// <summary>Creates the plugin; the database is opened (and the sample built) at first use.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public DatabasePlugin(DatabaseOptions options, ILogger<DatabasePlugin>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The SQL dialect of the configured database.</summary>
    public SqlDialect Dialect => _options.Provider == DatabaseProvider.Postgres ? SqlDialect.Postgres : SqlDialect.Sqlite;

    /// <summary>Lists the tables and views with row counts and columns.</summary>
    [KernelFunction("list_tables")]
    [Description("Lists the database's tables and views with their row counts and a one-line summary of their columns. Start here.")]
    [FunctionTraits(Title = "List tables", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public async Task<TableList> ListTablesAsync(CancellationToken cancellationToken = default)
    {
        var backend = await GetBackendAsync(cancellationToken).ConfigureAwait(false);
        var tables = await backend.ListTablesAsync(cancellationToken).ConfigureAwait(false);
        return new TableList(backend.DisplayName, DialectName, tables);
    }

    /// <summary>Describes one table: columns, keys, indexes, row count and sample rows.</summary>
    [KernelFunction("describe_table")]
    [Description("Describes one table or view: its columns (type, nullable, default, primary key), foreign keys, indexes, row count and a few sample rows. Use it before writing a query against the table.")]
    [FunctionTraits(Title = "Describe table", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public async Task<TableDescription> DescribeTableAsync(
        [Description("The table or view name, as listed by list_tables (e.g. 'orders').")] string table,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(table))
            throw FunctionException.InvalidArgument("table", "a table name is required.", example: "orders");
        var backend = await GetBackendAsync(cancellationToken).ConfigureAwait(false);
        return await backend.DescribeTableAsync(table, _options.SampleRows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one read-only SELECT query with the row limit and time limit.</summary>
    [KernelFunction("run_query")]
    [Description("Runs one read-only SQL query (SELECT or WITH … SELECT; writes are refused) and returns the columns, the rows, a Markdown table, and whether rows were cut at the limit. Aggregate and filter in SQL rather than fetching many rows.")]
    [FunctionTraits(Title = "Run SQL query", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public async Task<QueryResult> RunQueryAsync(
        [Description("One SELECT statement in the database's dialect (see list_tables: 'sqlite' or 'postgres'), e.g. SELECT name, revenue FROM customer_revenue ORDER BY revenue DESC LIMIT 5.")] string sql,
        [Description("The most rows to return (default and maximum set by the server, usually 200). Extra rows are cut and 'truncated' is true.")] int? maxRows = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(sql))
            throw FunctionException.InvalidArgument("sql", "a SQL query is required.", example: "SELECT COUNT(*) FROM orders");
        if (maxRows is < 1)
            throw FunctionException.InvalidArgument("max_rows", $"{maxRows} is not a positive number.", $"1 to {_options.MaxRows}", "50");
        var limit = Math.Min(maxRows ?? _options.MaxRows, _options.MaxRows);
        var statement = SqlGuard.EnsureReadOnly(sql, Dialect);
        var backend = await GetBackendAsync(cancellationToken).ConfigureAwait(false);

        var watch = Stopwatch.StartNew();
        var (columns, rows, truncated) = await backend.QueryAsync(statement, limit, cancellationToken).ConfigureAwait(false);
        watch.Stop();
        _logger.LogDebug("Query returned {Rows} rows{Cut} in {Elapsed} ms", rows.Count, truncated ? " (cut)" : "", watch.ElapsedMilliseconds);
        return new QueryResult(columns, rows, rows.Count, truncated, limit, watch.ElapsedMilliseconds, statement,
            MarkdownTable.Render(columns, rows));
    }

    /// <summary>A compact text description of the whole schema, for an agent's prompt.</summary>
    [KernelFunction("get_schema_summary")]
    [Description("Gets a compact text summary of the whole database schema (every table with its row count, columns and foreign keys) and notes on the SQL dialect.")]
    [FunctionTraits(Title = "Schema summary", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public async Task<SchemaSummary> GetSchemaSummaryAsync(CancellationToken cancellationToken = default)
    {
        var backend = await GetBackendAsync(cancellationToken).ConfigureAwait(false);
        var tables = await backend.ListTablesAsync(cancellationToken).ConfigureAwait(false);
        var descriptions = new List<TableDescription>();
        foreach (var table in tables.Take(MaxSummaryTables))
            descriptions.Add(await backend.DescribeTableAsync(table.Name, 0, cancellationToken).ConfigureAwait(false));
        var text = SchemaSummaryWriter.Write(backend.DisplayName, DialectName, descriptions, tables.Count, DialectNotes());
        return new SchemaSummary(backend.DisplayName, DialectName, tables.Count, text);
    }

    private string DialectName => Dialect == SqlDialect.Postgres ? "postgres" : "sqlite";

    private bool UsesSample => _options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(_options.ConnectionString);

    private IEnumerable<string> DialectNotes()
    {
        if (Dialect == SqlDialect.Postgres)
        {
            yield return "PostgreSQL dialect: date_trunc('quarter', d), CURRENT_DATE - INTERVAL '90 days', ILIKE for case-insensitive matching.";
            yield break;
        }
        yield return "SQLite dialect: dates are TEXT 'YYYY-MM-DD'; use date('now', 'start of month', '-3 months'), strftime('%Y-%m', d); || concatenates.";
        if (UsesSample)
            yield return $"Sample company {SampleCompanyGenerator.CompanyName}: data covers the two years up to the day the database was built (SELECT MAX(order_date) FROM orders); revenue is orders.total_amount excluding status 'cancelled' and 'returned'.";
    }

    private async Task<IDatabaseBackend> GetBackendAsync(CancellationToken cancellationToken)
    {
        if (_backend is { } ready)
            return ready;
        await _backendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _backend ??= await CreateBackendAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _backendGate.Release();
        }
    }

    private async Task<IDatabaseBackend> CreateBackendAsync(CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(_options.CommandTimeoutSeconds);
        if (_options.Provider == DatabaseProvider.Postgres)
            return new PostgresBackend(_options.ConnectionString!, timeout);
        if (!UsesSample)
        {
            var source = new SqliteConnectionStringBuilder(_options.ConnectionString).DataSource;
            return new SqliteBackend(_options.ConnectionString!, $"SQLite {Path.GetFileName(source)}", timeout);
        }
        var path = Path.Combine(_options.ResolveDataFolder(), DatabaseOptions.SampleDatabaseFileName);
        if (await SampleDatabase.EnsureCreatedAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false))
            _logger.LogInformation("Created the sample company database at {Path}", path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString;
        return new SqliteBackend(connectionString, $"SQLite sample company database ({SampleCompanyGenerator.CompanyName})", timeout);
    }
}
