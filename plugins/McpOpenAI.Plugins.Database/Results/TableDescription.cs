using System.ComponentModel;

namespace McpOpenAI.Plugins.Database.Results;

/// <summary>Everything needed to query a table correctly.</summary>
public sealed record TableDescription(
    [property: Description("The table name as used in SQL.")] string Name,
    [property: Description("'table' or 'view'.")] string Type,
    [property: Description("The columns, in order.")] IReadOnlyList<ColumnInfo> Columns,
    [property: Description("The foreign keys (joins to other tables).")] IReadOnlyList<ForeignKeyInfo> ForeignKeys,
    [property: Description("The indexes.")] IReadOnlyList<IndexInfo> Indexes,
    [property: Description("The number of rows, when it could be counted in time.")] long? RowCount,
    [property: Description("A few rows, as column-name → value objects.")] IReadOnlyList<IReadOnlyDictionary<string, object?>> SampleRows);
