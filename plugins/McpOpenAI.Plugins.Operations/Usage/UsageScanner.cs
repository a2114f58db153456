using System.Text.Json;

namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>
/// Gathers usage from an OpenAI answer — a whole JSON body, or each event of a stream — in the API's own fields:
/// <c>prompt_tokens</c>/<c>completion_tokens</c>/<c>prompt_tokens_details.cached_tokens</c> (chat, embeddings),
/// <c>input_tokens</c>/<c>output_tokens</c>/<c>input_tokens_details.cached_tokens|image_tokens</c> (Responses, images),
/// and the images returned (<c>data</c>, <c>image_generation.completed</c> events, <c>image_generation_call</c> items).
/// </summary>
internal sealed class UsageScanner
{
    public UsageFigures Tokens { get; } = new();

    /// <summary>Images a Responses answer made with its image tool (priced under the image model).</summary>
    public UsageFigures ToolImages { get; } = new();

    /// <summary>True once a final event came (a Responses <c>response.completed</c>, an image's <c>*.completed</c>).</summary>
    public bool Finished { get; private set; }

    public void Add(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return;
        var type = String(root, "type");
        // A Responses stream repeats the response in several events; only the final one counts.
        var response = root.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object ? r : (JsonElement?)null;
        if (response is { } inner)
        {
            if (type is "response.completed" or "response.incomplete" or "response.failed")
            {
                Finished = true;
                AddResponse(inner);
            }
            return;
        }
        if (String(root, "object") == "response")
        {
            AddResponse(root);
            return;
        }
        Tokens.Model ??= String(root, "model");
        AddUsage(root);
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array && String(root, "object") != "list")
        {
            Tokens.Images += data.EnumerateArray().Count(d => d.TryGetProperty("b64_json", out _) || d.TryGetProperty("url", out _));
            NoteImage(Tokens, root);
        }
        if (type is "image_generation.completed" or "image_edit.completed")
        {
            Finished = true;
            Tokens.Images++;
            NoteImage(Tokens, root);
        }
    }

    private void AddResponse(JsonElement response)
    {
        Tokens.Model ??= String(response, "model");
        AddUsage(response);
        if (!response.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.Array) return;
        foreach (var item in output.EnumerateArray())
        {
            if (String(item, "type") != "image_generation_call" || String(item, "status") is "failed") continue;
            ToolImages.Images++;
            NoteImage(ToolImages, item);
        }
    }

    private void AddUsage(JsonElement element)
    {
        if (!element.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object) return;
        Tokens.InputTokens += Number(usage, "prompt_tokens") + Number(usage, "input_tokens");
        Tokens.OutputTokens += Number(usage, "completion_tokens") + Number(usage, "output_tokens");
        foreach (var name in (string[])["prompt_tokens_details", "input_tokens_details"])
        {
            if (!usage.TryGetProperty(name, out var details) || details.ValueKind != JsonValueKind.Object) continue;
            Tokens.CachedInputTokens += Number(details, "cached_tokens");
            Tokens.ImageInputTokens += Number(details, "image_tokens");
        }
    }

    private static void NoteImage(UsageFigures figures, JsonElement element)
    {
        figures.ImageSize ??= String(element, "size");
        figures.ImageQuality ??= String(element, "quality");
    }

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
