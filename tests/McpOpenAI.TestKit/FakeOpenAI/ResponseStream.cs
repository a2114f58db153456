using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Streams a finished fake response as the Responses API's typed SSE events, numbered by <c>sequence_number</c>.</summary>
internal sealed class ResponseStream
{
    private readonly SseWriter _sse;
    private int _sequence;

    private ResponseStream(SseWriter sse) => _sse = sse;

    public static async Task WriteAsync(SseWriter sse, FakeResponsesRequest request, JsonObject response)
    {
        var stream = new ResponseStream(sse);
        var pending = (JsonObject)response.DeepClone();
        pending["status"] = "in_progress";
        pending["output"] = new JsonArray();
        pending["usage"] = null;
        pending["completed_at"] = null;
        if (!await stream.SendAsync("response.created", new JsonObject { ["response"] = pending.DeepClone() })) return;
        if (!await stream.SendAsync("response.in_progress", new JsonObject { ["response"] = pending })) return;

        var output = (JsonArray)response["output"]!;
        var partials = Math.Clamp((int?)ChatRequestParser.Number(request.Tool("image_generation")?["partial_images"]) ?? 0, 0, 3);
        for (var index = 0; index < output.Count; index++)
        {
            if (!await stream.ItemAsync((JsonObject)output[index]!, index, partials)) return;
        }
        await stream.SendAsync("response.completed", new JsonObject { ["response"] = response.DeepClone() });
    }

    private async Task<bool> ItemAsync(JsonObject item, int index, int partials)
    {
        var id = item["id"]!.GetValue<string>();
        var type = item["type"]!.GetValue<string>();
        var started = new JsonObject { ["id"] = id, ["type"] = type, ["status"] = "in_progress" };
        if (type == "message")
        {
            started["content"] = new JsonArray();
            started["role"] = "assistant";
        }
        if (!await SendAsync("response.output_item.added", new JsonObject { ["item"] = started, ["output_index"] = index })) return false;

        var ok = type switch
        {
            "image_generation_call" => await ImageAsync(item, id, index, partials),
            "web_search_call" => await SearchAsync(id, index),
            "message" => await TextAsync(item, id, index),
            _ => true,
        };
        return ok && await SendAsync("response.output_item.done", new JsonObject { ["item"] = item.DeepClone(), ["output_index"] = index });
    }

    private async Task<bool> ImageAsync(JsonObject item, string id, int index, int partials)
    {
        if (!await SendAsync("response.image_generation_call.in_progress", Ref(id, index))) return false;
        if (!await SendAsync("response.image_generation_call.generating", Ref(id, index))) return false;
        for (var p = 0; p < partials; p++)
        {
            var partial = Ref(id, index);
            partial["partial_image_index"] = p;
            partial["partial_image_b64"] = item["result"]!.GetValue<string>();
            if (!await SendAsync("response.image_generation_call.partial_image", partial)) return false;
        }
        return await SendAsync("response.image_generation_call.completed", Ref(id, index));
    }

    private async Task<bool> SearchAsync(string id, int index) =>
        await SendAsync("response.web_search_call.in_progress", Ref(id, index))
        && await SendAsync("response.web_search_call.searching", Ref(id, index))
        && await SendAsync("response.web_search_call.completed", Ref(id, index));

    private async Task<bool> TextAsync(JsonObject item, string id, int index)
    {
        var part = (JsonObject)item["content"]![0]!;
        var text = part["text"]!.GetValue<string>();
        var empty = new JsonObject { ["type"] = "output_text", ["annotations"] = new JsonArray(), ["logprobs"] = new JsonArray(), ["text"] = "" };
        if (!await SendAsync("response.content_part.added", Part(id, index, "part", empty))) return false;
        foreach (var piece in ChatCompletionsEndpoint.Pieces(text))
        {
            var delta = Part(id, index, "delta", piece);
            delta["logprobs"] = new JsonArray();
            if (!await SendAsync("response.output_text.delta", delta)) return false;
        }
        var done = Part(id, index, "text", text);
        done["logprobs"] = new JsonArray();
        return await SendAsync("response.output_text.done", done)
            && await SendAsync("response.content_part.done", Part(id, index, "part", part.DeepClone()));
    }

    private static JsonObject Ref(string id, int index) => new() { ["item_id"] = id, ["output_index"] = index };

    private static JsonObject Part(string id, int index, string name, JsonNode value) => new()
    {
        ["content_index"] = 0,
        ["item_id"] = id,
        ["output_index"] = index,
        [name] = value,
    };

    private Task<bool> SendAsync(string type, JsonObject data)
    {
        var payload = new JsonObject { ["type"] = type };
        foreach (var (key, value) in data.ToList())
        {
            data.Remove(key);
            payload[key] = value;
        }
        payload["sequence_number"] = _sequence++;
        return _sse.WriteAsync(payload, type);
    }
}
