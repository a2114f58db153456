using McpOpenAI.Plugins.Database.Guard;
using McpOpenAI.Plugins.Database.Results;

namespace McpOpenAI.Plugins.Database.Querying;

/// <summary>One database engine, reached only through read-only connections.</summary>
internal interface IDatabaseBackend
{
    /// <summary>The dialect queries are checked and written in.</summary>
    SqlDialect Dialect { get; }

    /// <summary>A short name of the database for people ("SQLite sample-company.db").</summary>
    string DisplayName { get; }

    /// <summary>Lists the tables and views with row counts and column summaries.</summary>
    Task<IReadOnlyList<TableSummary>> ListTablesAsync(CancellationToken cancellationToken);

    /// <summary>Describes one table; <paramref name="table"/> is a name returned by <see cref="ListTablesAsync"/>.</summary>
    Task<TableDescription> DescribeTableAsync(string table, int sampleRows, CancellationToken cancellationToken);

    /// <summary>Runs an already-checked read-only statement with the row limit and timeout.</summary>
    Task<(IReadOnlyList<string> Columns, List<object?[]> Rows, bool Truncated)> QueryAsync(
        string statement, int maxRows, CancellationToken cancellationToken);
}
