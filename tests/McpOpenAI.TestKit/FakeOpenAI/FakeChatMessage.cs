using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>A message of a chat completion request, as the fake parsed it.</summary>
public sealed class FakeChatMessage
{
    /// <summary>The role: <c>system</c>, <c>developer</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</summary>
    public required string Role { get; init; }

    /// <summary>The text parts joined (or the string content).</summary>
    public string Text => string.Concat(Parts.Where(p => p.Text is not null).Select(p => p.Text));

    /// <summary>The content parts; a string content is one <c>text</c> part.</summary>
    public IReadOnlyList<FakeContentPart> Parts { get; init; } = [];

    /// <summary>True when the content was sent as a plain string rather than an array of parts.</summary>
    public bool ContentWasString { get; init; }

    /// <summary>The tool calls of an assistant message.</summary>
    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    /// <summary>The <c>tool_call_id</c> of a tool message.</summary>
    public string? ToolCallId { get; init; }

    /// <summary>The optional participant name.</summary>
    public string? Name { get; init; }

    /// <summary>The message JSON as sent.</summary>
    public required JsonObject Raw { get; init; }

    /// <summary>The number of image parts.</summary>
    public int ImageCount => Parts.Count(p => p.ImageUrl is not null);
}
