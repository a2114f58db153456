using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Kernel.State;

/// <summary>
/// An <see cref="IDistributedCache"/> on the shared Redis connection (<c>State:Redis</c>), its keys under a prefix of its
/// own; while Redis cannot be reached it misses and skips writes rather than failing the call that uses it.
/// </summary>
public static class SharedCache
{
    /// <summary>The prefix of every key the server writes to Redis.</summary>
    public const string KeyPrefix = "mcpopenai:";

    /// <summary>A cache whose keys start with <c>mcpopenai:{name}:</c>.</summary>
    /// <param name="state">The shared state, with Redis.</param>
    /// <param name="name">The cache's name, in its keys and log lines.</param>
    /// <param name="logger">Where to warn while Redis is away.</param>
    /// <exception cref="InvalidOperationException"><c>State:Redis</c> is not set.</exception>
    public static IDistributedCache Create(SharedState state, string name, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.HasRedis)
            throw new InvalidOperationException($"{SharedState.RedisSetting} is not set.");
        return new FailSoftCache(new RedisCache(Options.Create(new RedisCacheOptions
        {
            ConnectionMultiplexerFactory = state.RedisAsync,
            InstanceName = $"{KeyPrefix}{name}:",
        })), name, logger);
    }
}
