namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Token usage of an image request.</summary>
/// <param name="InputTokens">Input tokens (text and images).</param>
/// <param name="OutputTokens">Output (image) tokens.</param>
/// <param name="TotalTokens">Their sum.</param>
/// <param name="InputImageTokens">Input tokens that were images, when reported.</param>
public sealed record ImageUsage(long InputTokens, long OutputTokens, long TotalTokens, long? InputImageTokens = null);
