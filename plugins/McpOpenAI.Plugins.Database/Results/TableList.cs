using System.ComponentModel;

namespace McpOpenAI.Plugins.Database.Results;

/// <summary>The tables and views of the database.</summary>
public sealed record TableList(
    [property: Description("The database: engine and name.")] string Database,
    [property: Description("The SQL dialect to write queries in: 'sqlite' or 'postgres'.")] string Dialect,
    [property: Description("The tables and views.")] IReadOnlyList<TableSummary> Tables);
