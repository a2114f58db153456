using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary><c>POST /v1/moderations</c>: flags an input that contains the server's flag word, as <c>violence</c>.</summary>
internal static class ModerationsEndpoint
{
    private static readonly string[] Categories =
    [
        "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent",
        "self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic",
    ];

    private static readonly HashSet<string> ImageCategories =
        ["self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "violence", "violence/graphic"];

    public static async Task HandleAsync(FakeOpenAIServer server, HttpContext http, JsonObject body)
    {
        var model = body["model"]?.GetValue<string>() ?? "omni-moderation-latest";
        if (!server.IsServed(model))
        {
            await FakeHttp.ModelNotFoundAsync(http, model);
            return;
        }

        // A string or an array of strings gives one result each; an array of typed parts is one multimodal input.
        List<(string Text, bool HasImage)> inputs = body["input"] switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => [(value.GetValue<string>(), false)],
            JsonArray array when array.All(a => a is JsonObject) && array.Count > 0 => [Multimodal(array)],
            JsonArray array => [.. array.Select(a => (a?.GetValue<string>() ?? "", false))],
            _ => [],
        };
        if (inputs.Count == 0)
        {
            await FakeHttp.MissingAsync(http, "input");
            return;
        }

        var results = new JsonArray();
        foreach (var (text, hasImage) in inputs)
        {
            var flagged = text.Contains(server.FlagWord, StringComparison.OrdinalIgnoreCase);
            var categories = new JsonObject();
            var scores = new JsonObject();
            var applied = new JsonObject();
            foreach (var category in Categories)
            {
                var hit = flagged && category == "violence";
                categories[category] = hit;
                scores[category] = hit ? 0.97 : 0.0001;
                applied[category] = hasImage && ImageCategories.Contains(category) ? new JsonArray("text", "image") : new JsonArray("text");
            }
            results.Add(new JsonObject
            {
                ["flagged"] = flagged,
                ["categories"] = categories,
                ["category_scores"] = scores,
                ["category_applied_input_types"] = applied,
            });
        }
        await FakeHttp.JsonAsync(http, new JsonObject
        {
            ["id"] = FakeHttp.NewId("modr-"),
            ["model"] = model,
            ["results"] = results,
        });
    }

    private static (string Text, bool HasImage) Multimodal(JsonArray parts)
    {
        var texts = new List<string>();
        var hasImage = false;
        foreach (var part in parts.OfType<JsonObject>())
        {
            if (part["type"]?.GetValue<string>() == "image_url")
            {
                hasImage = true;
                texts.Add(part["image_url"]?["url"]?.GetValue<string>() ?? "");
            }
            else
            {
                texts.Add(part["text"]?.GetValue<string>() ?? "");
            }
        }
        return (string.Join("\n", texts), hasImage);
    }
}
