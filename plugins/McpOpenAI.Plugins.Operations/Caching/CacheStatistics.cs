namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>What the response cache holds and how often it answered.</summary>
/// <param name="Enabled">Whether answers are being cached.</param>
/// <param name="Storage">memory or redis.</param>
/// <param name="Entries">Answers this server stored that have not expired (an entry the store dropped early counts until it is next asked for).</param>
/// <param name="Bytes">Their size in bytes.</param>
/// <param name="Hits">Requests answered from the cache since the server started.</param>
/// <param name="Misses">Cacheable requests that went to OpenAI.</param>
/// <param name="HitRatio">Hits over hits and misses, 0 to 1; null before any.</param>
/// <param name="Ttl">How long an answer is kept, e.g. 01:00:00.</param>
/// <param name="ByKind">The same figures for chat, embedding and moderation answers.</param>
public sealed record CacheStatistics(
    bool Enabled,
    string Storage,
    long Entries,
    long Bytes,
    long Hits,
    long Misses,
    double? HitRatio,
    string Ttl,
    IReadOnlyDictionary<string, CacheKindStatistics> ByKind);
