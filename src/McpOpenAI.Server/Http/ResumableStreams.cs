using McpOpenAI.Kernel.State;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

#pragma warning disable MCP9006 // Resumability belongs to stateful Streamable HTTP, which the 2025-11-25 clients we serve use.

/// <summary>
/// Resumable streams with the SDK's event store: every event a stateful session sends on a stream is kept for a while
/// in an <see cref="IDistributedCache"/> (in memory and size-bounded by default; on Redis with <c>State:Redis</c>, shared by
/// the team's instances), under an id the client sees, so a GET with <c>Last-Event-ID</c> replays what came after it.
/// Off in stateless mode or with <see cref="HttpOptions.ResumableStreams"/> false.
/// </summary>
internal static class ResumableStreams
{
    /// <summary>The key of the cache that holds the events (on Redis with <c>State:Redis</c>).</summary>
    public const string CacheKey = "mcp-openai-events";

    public static void Add(IMcpServerBuilder builder, HttpOptions options)
    {
        if (!options.ResumableStreams || options.Stateless)
            return;
        builder.Services.AddKeyedSingleton<IDistributedCache>(CacheKey, (services, _) => services.GetSharedState() is { HasRedis: true } state
            ? SharedCache.Create(state, "events", services.GetService<ILoggerFactory>()?.CreateLogger(typeof(ResumableStreams)))
            : new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { SizeLimit = options.EventStoreSizeLimit })));
        var retention = options.EventRetention > TimeSpan.Zero ? options.EventRetention : TimeSpan.FromMinutes(5);
        builder.WithDistributedCacheEventStreamStore(o =>
        {
            o.EventSlidingExpiration = retention;
            o.EventAbsoluteExpiration = retention * 4;
            o.MetadataSlidingExpiration = retention * 2;
            o.MetadataAbsoluteExpiration = retention * 8;
            // How often a resumed stream looks for events written after it caught up; cheap in memory and on Redis alike.
            o.StreamReaderPollingInterval = TimeSpan.FromMilliseconds(100);
        });
        // Set last, so another IDistributedCache in the container (a chat cache, say) is never taken for the events.
        builder.Services.AddOptions<DistributedCacheEventStreamStoreOptions>()
            .Configure<IServiceProvider>((o, services) => o.Cache = services.GetRequiredKeyedService<IDistributedCache>(CacheKey));
    }
}
