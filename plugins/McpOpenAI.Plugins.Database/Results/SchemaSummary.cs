using System.ComponentModel;

namespace McpOpenAI.Plugins.Database.Results;

/// <summary>The whole schema in a few lines, for a prompt.</summary>
public sealed record SchemaSummary(
    [property: Description("The database: engine and name.")] string Database,
    [property: Description("The SQL dialect: 'sqlite' or 'postgres'.")] string Dialect,
    [property: Description("The number of tables and views.")] int TableCount,
    [property: Description("One line per table: name, row count, columns, foreign keys; then dialect notes.")] string Text);
