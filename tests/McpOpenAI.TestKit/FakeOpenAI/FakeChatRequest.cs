using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>A <c>POST /v1/chat/completions</c> request, parsed so tests can inspect what a client sent.</summary>
public sealed class FakeChatRequest
{
    /// <summary>The model id.</summary>
    public required string Model { get; init; }

    /// <summary>The messages in order.</summary>
    public required IReadOnlyList<FakeChatMessage> Messages { get; init; }

    /// <summary>The function tools.</summary>
    public IReadOnlyList<FakeChatTool> Tools { get; init; } = [];

    /// <summary>The <c>tool_choice</c> as sent (a string or an object).</summary>
    public JsonNode? ToolChoice { get; init; }

    /// <summary>The <c>parallel_tool_calls</c> flag.</summary>
    public bool? ParallelToolCalls { get; init; }

    /// <summary>The <c>temperature</c>.</summary>
    public double? Temperature { get; init; }

    /// <summary>The <c>top_p</c>.</summary>
    public double? TopP { get; init; }

    /// <summary>The legacy <c>max_tokens</c>.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The <c>max_completion_tokens</c>.</summary>
    public int? MaxCompletionTokens { get; init; }

    /// <summary>The stop sequences (a single string is one item).</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>The <c>seed</c>.</summary>
    public long? Seed { get; init; }

    /// <summary>The <c>response_format</c> object as sent.</summary>
    public JsonNode? ResponseFormat { get; init; }

    /// <summary>The <c>response_format.type</c>: <c>text</c>, <c>json_object</c> or <c>json_schema</c>.</summary>
    public string? ResponseFormatType => ResponseFormat?["type"]?.GetValue<string>();

    /// <summary>True for <c>stream: true</c>.</summary>
    public bool Stream { get; init; }

    /// <summary>True when <c>stream_options.include_usage</c> was set.</summary>
    public bool IncludeUsage { get; init; }

    /// <summary>The whole request body.</summary>
    public required JsonObject Raw { get; init; }

    /// <summary>The text of the last user message, or empty.</summary>
    public string LastUserText => Messages.LastOrDefault(m => m.Role == "user")?.Text ?? "";

    /// <summary>The number of image parts over all messages.</summary>
    public int ImageCount => Messages.Sum(m => m.ImageCount);
}
