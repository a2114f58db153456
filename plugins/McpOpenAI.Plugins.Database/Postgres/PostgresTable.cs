using McpOpenAI.Plugins.Database.Querying;

namespace McpOpenAI.Plugins.Database.Postgres;

/// <summary>A table or view found in the PostgreSQL catalog.</summary>
internal sealed record PostgresTable(uint Oid, string Schema, string Name, string Type)
{
    /// <summary>The name shown to users: unqualified in <c>public</c>, schema-qualified elsewhere.</summary>
    public string Display => Schema == "public" ? Name : $"{Schema}.{Name}";

    /// <summary>The name quoted for SQL.</summary>
    public string QuotedName => $"{QueryErrors.Quote(Schema)}.{QueryErrors.Quote(Name)}";
}
