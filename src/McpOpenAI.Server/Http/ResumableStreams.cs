using McpOpenAI.Kernel.State;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

#pragma warning disable MCP9006 // Resumability belongs to stateful Streamable HTTP, which the 2025-11-25 clients we serve use.

/// <summary>
/// Resumable streams: every event a stateful session sends on a stream is kept for a while under an id the client sees,
/// so a GET with <c>Last-Event-ID</c> replays what came after it. One instance keeps them in memory, bounded in bytes
/// (<see cref="MemoryEventStreamStore"/>); when an <see cref="IDistributedCache"/> is registered under <see cref="CacheKey"/>,
/// or <c>State:Redis</c> is set (Redis, shared by several instances), the SDK's <see cref="DistributedCacheEventStreamStore"/>
/// keeps them there. Off in stateless mode or with <see cref="HttpOptions.ResumableStreams"/> false.
/// </summary>
internal static class ResumableStreams
{
    /// <summary>The key of the cache that holds the events when they are shared between instances.</summary>
    public const string CacheKey = "mcp-openai-events";

    public static void Add(IMcpServerBuilder builder, HttpOptions options)
    {
        if (!options.ResumableStreams || options.Stateless)
            return;
        var retention = options.EventRetention > TimeSpan.Zero ? options.EventRetention : TimeSpan.FromMinutes(5);
        builder.Services.AddSingleton(sp => new MemoryEventStreamStore(options.EventStoreSizeLimit, retention, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddOptions<HttpServerTransportOptions>().Configure<IServiceProvider>((o, services) =>
            o.EventStreamStore = (services.GetKeyedService<IDistributedCache>(CacheKey) ?? SharedEvents(services)) is { } shared
                ? new DistributedCacheEventStreamStore(Options.Create(new DistributedCacheEventStreamStoreOptions
                {
                    Cache = shared,
                    EventSlidingExpiration = retention,
                    EventAbsoluteExpiration = retention * 4,
                    MetadataSlidingExpiration = retention * 2,
                    MetadataAbsoluteExpiration = retention * 8,
                    // How often a resumed stream looks for events another instance wrote after it caught up.
                    StreamReaderPollingInterval = TimeSpan.FromMilliseconds(250),
                }), services.GetRequiredService<ILogger<DistributedCacheEventStreamStore>>())
                : services.GetRequiredService<MemoryEventStreamStore>());
    }

    // The events on the team's Redis, under keys of their own; while Redis is away streams are simply not resumable.
    private static IDistributedCache? SharedEvents(IServiceProvider services) => services.GetSharedState() is { HasRedis: true } state
        ? SharedCache.Create(state, "events", services.GetService<ILoggerFactory>()?.CreateLogger(typeof(ResumableStreams)))
        : null;
}
