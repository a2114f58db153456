using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>Tokens a chat call used.</summary>
/// <param name="InputTokens">Tokens read (prompt, messages, images).</param>
/// <param name="OutputTokens">Tokens written.</param>
/// <param name="TotalTokens">Both together.</param>
public sealed record ChatUsage(
    [property: Description("Tokens read (prompt, messages, images).")] long? InputTokens,
    [property: Description("Tokens written.")] long? OutputTokens,
    [property: Description("Both together.")] long? TotalTokens);
