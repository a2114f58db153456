using System.Text;
using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Builds the <c>output</c> items of a fake response.</summary>
internal static class ResponseOutput
{
    public static JsonArray Build(FakeOpenAIServer server, FakeResponsesRequest request)
    {
        var output = new JsonArray();
        var toolChoiceNone = request.Raw["tool_choice"]?.ToJsonString() == "\"none\"";
        if (!toolChoiceNone && request.Tool("image_generation") is { } imageTool)
        {
            output.Add(ImageCall(server, request, imageTool));
            output.Add(Message(server.ResponseTextHandler?.Invoke(request) ?? "Here is the generated image.", []));
        }
        else if (!toolChoiceNone && (request.Tool("web_search") ?? request.Tool("web_search_preview")) is not null)
        {
            output.Add(new JsonObject
            {
                ["id"] = FakeHttp.NewId("ws_"),
                ["type"] = "web_search_call",
                ["status"] = "completed",
                ["action"] = new JsonObject { ["type"] = "search", ["query"] = request.InputText },
            });
            output.Add(Cited(server, request));
        }
        else
        {
            output.Add(Message(server.ResponseTextHandler?.Invoke(request) ?? "Echo: " + request.InputText, []));
        }
        return output;
    }

    private static JsonObject ImageCall(FakeOpenAIServer server, FakeResponsesRequest request, JsonObject tool)
    {
        var size = tool["size"]?.GetValue<string>() is { } s && s != "auto" ? s : "1024x1024";
        if (!FakeImages.TryParseSize(size, out var width, out var height)) (size, width, height) = ("1024x1024", 1024, 1024);
        var background = tool["background"]?.GetValue<string>() == "transparent" ? "transparent" : "opaque";
        var quality = tool["quality"]?.GetValue<string>() is "low" or "medium" or "high" ? tool["quality"]!.GetValue<string>() : "medium";
        var seed = request.InputText + "|" + request.PreviousResponseId;
        var format = tool["output_format"]?.GetValue<string>() is { } f && FakeImages.Formats.Contains(f) ? f : "png";
        var compression = Math.Clamp((int?)ChatRequestParser.Number(tool["output_compression"]) ?? 100, 0, 100);
        var image = FakeImages.Create(seed, width, height, background == "transparent", format, server.ImageContent, compression);
        return new JsonObject
        {
            ["id"] = FakeHttp.NewId("ig_"),
            ["type"] = "image_generation_call",
            ["status"] = "completed",
            ["background"] = background,
            ["output_format"] = format,
            ["quality"] = quality,
            ["result"] = Convert.ToBase64String(image),
            ["revised_prompt"] = "A detailed rendering of " + request.InputText,
            ["size"] = size,
        };
    }

    private static JsonObject Cited(FakeOpenAIServer server, FakeResponsesRequest request)
    {
        var text = new StringBuilder($"Findings about {request.InputText}:");
        var annotations = new JsonArray();
        foreach (var citation in server.WebSearchResults)
        {
            text.Append(' ');
            var start = text.Length;
            text.Append(citation.Title);
            annotations.Add(new JsonObject
            {
                ["type"] = "url_citation",
                ["end_index"] = text.Length,
                ["start_index"] = start,
                ["title"] = citation.Title,
                ["url"] = citation.Url,
            });
            text.Append('.');
        }
        return Message(text.ToString(), annotations);
    }

    private static JsonObject Message(string text, JsonArray annotations) => new()
    {
        ["id"] = FakeHttp.NewId("msg_"),
        ["type"] = "message",
        ["status"] = "completed",
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "output_text",
            ["annotations"] = annotations,
            ["logprobs"] = new JsonArray(),
            ["text"] = text,
        }),
        ["role"] = "assistant",
    };
}
