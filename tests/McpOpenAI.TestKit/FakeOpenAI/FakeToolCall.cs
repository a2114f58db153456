namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>A function tool call, as sent by a client in history or returned by the fake.</summary>
/// <param name="Id">The call id, e.g. <c>call_abc</c>.</param>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments as a JSON string.</param>
public sealed record FakeToolCall(string Id, string Name, string Arguments);
