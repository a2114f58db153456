using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Turns a chat completion request body into a <see cref="FakeChatRequest"/>.</summary>
internal static class ChatRequestParser
{
    public static FakeChatRequest Parse(JsonObject body) => new()
    {
        Model = body["model"]?.GetValue<string>() ?? "",
        Messages = [.. (body["messages"] as JsonArray ?? []).OfType<JsonObject>().Select(ParseMessage)],
        Tools = [.. (body["tools"] as JsonArray ?? []).OfType<JsonObject>().Select(ParseTool)],
        ToolChoice = body["tool_choice"]?.DeepClone(),
        ParallelToolCalls = Bool(body["parallel_tool_calls"]),
        Temperature = Number(body["temperature"]),
        TopP = Number(body["top_p"]),
        MaxTokens = (int?)Number(body["max_tokens"]),
        MaxCompletionTokens = (int?)Number(body["max_completion_tokens"]),
        Stop = body["stop"] switch
        {
            JsonArray array => [.. array.Select(s => s!.GetValue<string>())],
            JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
            _ => [],
        },
        Seed = (long?)Number(body["seed"]),
        ResponseFormat = body["response_format"]?.DeepClone(),
        Stream = Bool(body["stream"]) == true,
        IncludeUsage = Bool(body["stream_options"]?["include_usage"]) == true,
        Raw = body,
    };

    private static FakeChatMessage ParseMessage(JsonObject message)
    {
        var content = message["content"];
        List<FakeContentPart> parts = [];
        if (content is JsonValue text && text.GetValueKind() == JsonValueKind.String)
            parts.Add(new FakeContentPart("text", text.GetValue<string>()));
        else if (content is JsonArray array)
            parts.AddRange(array.OfType<JsonObject>().Select(ParsePart));

        return new FakeChatMessage
        {
            Role = message["role"]?.GetValue<string>() ?? "",
            Parts = parts,
            ContentWasString = content is JsonValue,
            ToolCalls = [.. (message["tool_calls"] as JsonArray ?? []).OfType<JsonObject>().Select(c => new FakeToolCall(
                c["id"]?.GetValue<string>() ?? "",
                c["function"]?["name"]?.GetValue<string>() ?? "",
                c["function"]?["arguments"]?.GetValue<string>() ?? ""))],
            ToolCallId = message["tool_call_id"]?.GetValue<string>(),
            Name = message["name"]?.GetValue<string>(),
            Raw = message,
        };
    }

    private static FakeContentPart ParsePart(JsonObject part)
    {
        var type = part["type"]?.GetValue<string>() ?? "";
        return type switch
        {
            "text" => new FakeContentPart(type, part["text"]?.GetValue<string>()),
            "image_url" => new FakeContentPart(type, ImageUrl: part["image_url"]?["url"]?.GetValue<string>(), Detail: part["image_url"]?["detail"]?.GetValue<string>()),
            _ => new FakeContentPart(type),
        };
    }

    private static FakeChatTool ParseTool(JsonObject tool)
    {
        var function = tool["function"];
        return new FakeChatTool(
            function?["name"]?.GetValue<string>() ?? "",
            function?["description"]?.GetValue<string>(),
            function?["parameters"]?.DeepClone(),
            Bool(function?["strict"]));
    }

    internal static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    internal static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
