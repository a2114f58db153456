namespace McpOpenAI.Kernel.State;

/// <summary>
/// The tables of one store, in each dialect: idempotent DDL (<c>CREATE TABLE IF NOT EXISTS</c>, …) run once per process
/// before the store's first statement.
/// </summary>
/// <param name="Name">The store, for the log and to run each schema once.</param>
/// <param name="Sqlite">The SQLite statements (may set pragmas such as the journal mode).</param>
/// <param name="PostgreSQL">The PostgreSQL statements.</param>
public sealed record StateSchema(string Name, string Sqlite, string PostgreSQL);
