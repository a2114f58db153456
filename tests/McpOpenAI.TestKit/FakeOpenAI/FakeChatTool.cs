using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>A function tool offered in a chat completion request.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Description">The description, if sent.</param>
/// <param name="Parameters">The JSON schema of the parameters, if sent.</param>
/// <param name="Strict">The <c>strict</c> flag, if sent.</param>
public sealed record FakeChatTool(string Name, string? Description, JsonNode? Parameters, bool? Strict);
