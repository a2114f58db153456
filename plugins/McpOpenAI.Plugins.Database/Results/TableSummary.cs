using System.ComponentModel;

namespace McpOpenAI.Plugins.Database.Results;

/// <summary>One table or view, in brief.</summary>
public sealed record TableSummary(
    [property: Description("The name to use in SQL (schema-qualified when not in the default schema).")] string Name,
    [property: Description("'table' or 'view'.")] string Type,
    [property: Description("The number of rows, when it could be counted in time.")] long? RowCount,
    [property: Description("The columns in one line: name and type, PK for primary-key columns.")] string Columns);
