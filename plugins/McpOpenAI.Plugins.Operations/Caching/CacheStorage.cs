using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>
/// Where cached answers are stored: Redis when <c>State:Redis</c> holds a connection string (so several instances share
/// one cache), else memory bounded by <see cref="CacheOptions.SizeLimit"/> bytes.
/// </summary>
public static class CacheStorage
{
    /// <summary>The setting that names the Redis server.</summary>
    public const string RedisSetting = "State:Redis";

    /// <summary>The cache <paramref name="configuration"/> asks for.</summary>
    public static IDistributedCache Create(IConfiguration configuration, CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        if (configuration[RedisSetting] is { Length: > 0 } redis)
            return new RedisCache(Options.Create(new RedisCacheOptions { Configuration = redis, InstanceName = "mcpopenai:" }));
        // MemoryDistributedCache sizes each entry by its byte length, so the limit is in bytes.
        return new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { SizeLimit = options.SizeLimit }));
    }
}
