namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>
/// Where usage records are kept (<see cref="DatabaseUsageStore"/>): SQLite in the data folder by default; the team's
/// PostgreSQL database (<c>State:PostgreSQL</c>) when several instances serve one team.
/// </summary>
public interface IUsageStore
{
    /// <summary>Adds a record.</summary>
    Task AddAsync(UsageRecord record, CancellationToken cancellationToken);

    /// <summary>Every record that ended at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<UsageRecord>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
