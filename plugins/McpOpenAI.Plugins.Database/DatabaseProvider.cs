using System.Text.Json.Serialization;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.Database;

/// <summary>Which database engine the plugin talks to.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<DatabaseProvider>))]
public enum DatabaseProvider
{
    /// <summary>A SQLite file; with no connection string, the embedded sample company database.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server through Npgsql.</summary>
    Postgres,
}
