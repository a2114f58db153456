using System.ComponentModel;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Operations.Caching;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Operations;

/// <summary>The Operations plugin's cache tools: <c>cache_stats</c> and <c>clear_cache</c>.</summary>
public sealed class CacheFunctions(OperationsCache cache)
{
    /// <summary>What the response cache holds and how often it answered.</summary>
    [KernelFunction("cache_stats")]
    [Description("Show the response cache: answers stored (deterministic chat answers — temperature 0 or a seed — embeddings and moderation verdicts), their bytes, hits and misses since the server started, by kind. A hit costs nothing and sends no request.")]
    [FunctionTraits(Title = "Cache statistics", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    public CacheStatistics CacheStats() => cache.Statistics();

    /// <summary>Empties the response cache.</summary>
    [KernelFunction("clear_cache")]
    [Description("Empty the response cache, so the next requests go to OpenAI again (and are paid for). Hit and miss counts are kept.")]
    [FunctionTraits(Title = "Clear the cache", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    public Task<ClearCacheResult> ClearCacheAsync(CancellationToken cancellationToken = default) => cache.ClearAsync(cancellationToken);
}
