using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>One message of a conversation passed to <c>chat</c>.</summary>
/// <param name="Role">system, user or assistant.</param>
/// <param name="Content">The message text.</param>
public sealed record ChatMessageInput(
    [property: Description("Who speaks: system, user or assistant.")] string Role,
    [property: Description("The message text.")] string Content);
