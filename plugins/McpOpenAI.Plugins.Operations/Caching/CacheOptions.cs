namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>The response cache (<c>Cache</c> section): deterministic chat answers, embeddings and moderations.</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Cache";

    /// <summary>Whether answers are cached (default true). Takes effect at once when changed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an answer is kept (default one hour).</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most bytes the in-memory cache holds (default 64 MiB); the least recently used go first.</summary>
    public long SizeLimit { get; set; } = 64L * 1024 * 1024;
}
