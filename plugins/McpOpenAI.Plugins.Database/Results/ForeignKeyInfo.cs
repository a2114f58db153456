using System.ComponentModel;

namespace McpOpenAI.Plugins.Database.Results;

/// <summary>A foreign key: these columns reference another table's columns.</summary>
public sealed record ForeignKeyInfo(
    [property: Description("The columns of this table.")] IReadOnlyList<string> Columns,
    [property: Description("The referenced table.")] string ReferencedTable,
    [property: Description("The referenced columns, in the same order.")] IReadOnlyList<string> ReferencedColumns);
