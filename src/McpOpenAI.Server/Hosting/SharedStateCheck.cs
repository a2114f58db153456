using McpOpenAI.Kernel.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Reaches the configured shared state (<c>State:PostgreSQL</c>, <c>State:Redis</c>) before the server serves anything,
/// so an instance that cannot reach its team's state stops at once with a message naming the setting (never its value).
/// </summary>
internal sealed class SharedStateCheck(IServiceProvider services, ILogger<SharedStateCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var state = services.GetSharedState();
        if (!state.HasPostgreSQL && !state.HasRedis)
            return;
        await state.CheckAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Shared state: {PostgreSQL}, {Redis}",
            state.HasPostgreSQL ? $"PostgreSQL ({SharedState.PostgreSQLSetting})" : "no PostgreSQL (local SQLite files)",
            state.HasRedis ? $"Redis at {state.RedisEndpoints}" : "no Redis (in-process limits and caches)");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
