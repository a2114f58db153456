namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>The cache figures of one kind of answer.</summary>
/// <param name="Entries">Answers stored that have not expired.</param>
/// <param name="Bytes">Their size in bytes.</param>
/// <param name="Hits">Requests answered from the cache.</param>
/// <param name="Misses">Cacheable requests that went to OpenAI.</param>
public sealed record CacheKindStatistics(long Entries, long Bytes, long Hits, long Misses);
