using System.ComponentModel;

namespace McpOpenAI.Plugins.Database.Results;

/// <summary>The result of a read-only query.</summary>
public sealed record QueryResult(
    [property: Description("The column names, in order.")] IReadOnlyList<string> Columns,
    [property: Description("The rows; each is an array of values in column order.")] IReadOnlyList<object?[]> Rows,
    [property: Description("The number of rows returned.")] int RowCount,
    [property: Description("True when the query had more rows than the limit and the rest were cut.")] bool Truncated,
    [property: Description("The row limit that applied.")] int MaxRows,
    [property: Description("How long the query took, in milliseconds.")] long ElapsedMs,
    [property: Description("The SQL that ran.")] string Sql,
    [property: Description("The rows as a compact Markdown table, for reading.")] string Table);
