using Microsoft.Extensions.AI;

namespace McpOpenAI.TestKit.Chat;

/// <summary>One request a <see cref="ScriptedChatClient"/> received.</summary>
/// <param name="Messages">The messages sent.</param>
/// <param name="Options">A copy of the options sent, or null.</param>
/// <param name="Streaming">True for <c>GetStreamingResponseAsync</c>.</param>
public sealed record ScriptedChatCall(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options, bool Streaming);
