using System.ComponentModel;

namespace McpOpenAI.Plugins.Database.Results;

/// <summary>An index of a table.</summary>
public sealed record IndexInfo(
    [property: Description("The index name.")] string Name,
    [property: Description("The indexed columns, in order.")] IReadOnlyList<string> Columns,
    [property: Description("True for a unique index.")] bool Unique);
