namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>What <c>clear_cache</c> did.</summary>
/// <param name="Removed">How many stored answers were removed.</param>
/// <param name="Bytes">Their size in bytes.</param>
/// <param name="Message">A line saying so.</param>
public sealed record ClearCacheResult(long Removed, long Bytes, string Message);
