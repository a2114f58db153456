using System.Text.Json.Serialization;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.Database.Guard;

/// <summary>The SQL dialect whose lexical rules <see cref="SqlGuard"/> applies.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SqlDialect>))]
public enum SqlDialect
{
    /// <summary>SQLite: <c>[x]</c> and <c>`x`</c> identifiers, no dollar quotes, no backslash escapes.</summary>
    Sqlite,

    /// <summary>PostgreSQL: dollar-quoted strings, <c>E'…'</c> strings with backslash escapes.</summary>
    Postgres,
}
