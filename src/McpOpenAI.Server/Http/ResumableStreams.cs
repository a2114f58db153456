using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

#pragma warning disable MCP9006 // Resumability belongs to stateful Streamable HTTP, which the 2025-11-25 clients we serve use.

/// <summary>
/// The event store behind resumable streams: every event a stateful session sends on a stream is kept for a while
/// in a size-bounded in-memory cache, under an id the client sees, so a GET with <c>Last-Event-ID</c> replays
/// what came after it. Null <see cref="Store"/> when disabled (<see cref="HttpOptions.ResumableStreams"/>) or stateless.
/// </summary>
internal sealed class ResumableStreams
{
    public ResumableStreams(HttpOptions options, ILoggerFactory loggerFactory)
    {
        if (!options.ResumableStreams || options.Stateless)
            return;
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { SizeLimit = options.EventStoreSizeLimit }));
        var retention = options.EventRetention > TimeSpan.Zero ? options.EventRetention : TimeSpan.FromMinutes(5);
        Store = new DistributedCacheEventStreamStore(Options.Create(new DistributedCacheEventStreamStoreOptions
        {
            Cache = cache,
            EventSlidingExpiration = retention,
            EventAbsoluteExpiration = retention * 4,
            MetadataSlidingExpiration = retention * 2,
            MetadataAbsoluteExpiration = retention * 8,
            // How often a resumed stream looks for events written after it caught up; the cache is in memory, so this is cheap.
            StreamReaderPollingInterval = TimeSpan.FromMilliseconds(100),
        }), loggerFactory.CreateLogger<DistributedCacheEventStreamStore>());
    }

    /// <summary>The store handed to every stateful session's transport; null when streams are not resumable.</summary>
    public ISseEventStreamStore? Store { get; }
}
