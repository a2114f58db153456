using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Turns a Responses API request body into a <see cref="FakeResponsesRequest"/>.</summary>
internal static class ResponsesRequestParser
{
    public static FakeResponsesRequest Parse(JsonObject body, JsonObject? previous)
    {
        var text = "";
        var images = 0;
        switch (body["input"])
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                text = value.GetValue<string>();
                break;
            case JsonArray items:
                foreach (var item in items.OfType<JsonObject>().Where(i => i["role"]?.GetValue<string>() == "user"))
                {
                    var (itemText, itemImages) = Content(item["content"]);
                    text = itemText;
                    images += itemImages;
                }
                break;
        }
        return new FakeResponsesRequest
        {
            Model = body["model"]?.GetValue<string>() ?? "",
            InputText = text,
            InputImageCount = images,
            Instructions = body["instructions"]?.GetValue<string>(),
            PreviousResponseId = body["previous_response_id"]?.GetValue<string>(),
            PreviousResponse = previous,
            Tools = [.. (body["tools"] as JsonArray ?? []).OfType<JsonObject>()],
            Stream = ChatRequestParser.Bool(body["stream"]) == true,
            Raw = body,
        };
    }

    private static (string Text, int Images) Content(JsonNode? content)
    {
        if (content is JsonValue value && value.GetValueKind() == JsonValueKind.String) return (value.GetValue<string>(), 0);
        var parts = (content as JsonArray ?? []).OfType<JsonObject>().ToList();
        var text = string.Concat(parts.Where(p => p["type"]?.GetValue<string>() == "input_text").Select(p => p["text"]?.GetValue<string>()));
        return (text, parts.Count(p => p["type"]?.GetValue<string>() == "input_image"));
    }
}
