using System.ComponentModel;

namespace McpOpenAI.Plugins.Database.Results;

/// <summary>One column of a table.</summary>
public sealed record ColumnInfo(
    [property: Description("The column name.")] string Name,
    [property: Description("The declared type.")] string Type,
    [property: Description("True when the column accepts NULL.")] bool Nullable,
    [property: Description("The default value expression, if any.")] string? Default,
    [property: Description("True when the column is part of the primary key.")] bool PrimaryKey);
