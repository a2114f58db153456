namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>What a cached answer is, for statistics and metrics.</summary>
public static class CacheKind
{
    /// <summary>A chat answer.</summary>
    public const string Chat = "chat";

    /// <summary>One text's embedding.</summary>
    public const string Embedding = "embedding";

    /// <summary>A moderation verdict.</summary>
    public const string Moderation = "moderation";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Chat, Embedding, Moderation];
}
