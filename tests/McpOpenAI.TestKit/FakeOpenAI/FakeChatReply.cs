using System.Text.Json;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>What the fake answers to a chat completion: text, tool calls, or both.</summary>
public sealed record FakeChatReply
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The assistant text (null for none).</summary>
    public string? Text { get; init; }

    /// <summary>The tool calls; several means parallel calls.</summary>
    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    /// <summary>The finish reason; null means <c>tool_calls</c> when there are calls, else <c>stop</c>.</summary>
    public string? FinishReason { get; init; }

    /// <summary>The usage to report; null to derive one from the text lengths.</summary>
    public FakeUsage? Usage { get; init; }

    /// <summary>The model to report; null to echo the requested one.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// When streaming, the fake waits for this task after the first text delta, so a test can prove deltas reach
    /// the caller before the stream ends.
    /// </summary>
    public Task? HoldAfterFirstDelta { get; init; }

    /// <summary>A text reply.</summary>
    public static FakeChatReply FromText(string text, string? finishReason = null) => new() { Text = text, FinishReason = finishReason };

    /// <summary>A reply whose content is <paramref name="value"/> serialized as JSON (for <c>response_format</c>).</summary>
    public static FakeChatReply FromJson(object value) =>
        new() { Text = value as string ?? JsonSerializer.Serialize(value, Web) };

    /// <summary>A reply with one or several (parallel) tool calls.</summary>
    public static FakeChatReply FromToolCalls(params FakeToolCall[] calls) => new() { ToolCalls = calls };

    /// <summary>A reply with one tool call whose arguments are <paramref name="arguments"/> serialized as JSON.</summary>
    public static FakeChatReply FromToolCall(string name, object? arguments = null, string? id = null) =>
        FromToolCalls(new FakeToolCall(id ?? "call_" + Guid.NewGuid().ToString("N")[..24], name,
            arguments as string ?? JsonSerializer.Serialize(arguments ?? new { }, Web)));
}
