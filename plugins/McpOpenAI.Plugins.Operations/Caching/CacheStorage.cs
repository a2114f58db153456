using McpOpenAI.Kernel.State;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>
/// Where cached answers are stored: Redis when <c>State:Redis</c> holds a connection string (so several instances share
/// one cache), else memory bounded by <see cref="CacheOptions.SizeLimit"/> bytes.
/// </summary>
public static class CacheStorage
{
    /// <summary>The setting that names the Redis server.</summary>
    public const string RedisSetting = SharedState.RedisSetting;

    /// <summary>The cache the shared state asks for; <paramref name="logger"/> hears when Redis is away.</summary>
    public static IDistributedCache Create(SharedState state, CacheOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        if (state.HasRedis)
            return SharedCache.Create(state, "cache", logger);
        // MemoryDistributedCache sizes each entry by its byte length, so the limit is in bytes.
        return new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { SizeLimit = options.SizeLimit }));
    }
}
