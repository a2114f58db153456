using System.ClientModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>
/// The <c>/v1/moderations</c> request and response JSON. The SDK's protocol method is used so image inputs go as
/// data URIs of any size and every category (including new ones) comes back as the API named it.
/// </summary>
internal static class ModerationWire
{
    public static BinaryContent Texts(string model, IEnumerable<string> texts) =>
        Body(model, new JsonArray([.. texts.Select(t => (JsonNode)JsonValue.Create(t))]));

    public static BinaryContent Image(string model, string url) =>
        Body(model, new JsonArray(new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = url } }));

    public static List<(bool Flagged, List<string> Categories, Dictionary<string, double> Scores)> Results(BinaryData response)
    {
        using var document = JsonDocument.Parse(response);
        var list = new List<(bool, List<string>, Dictionary<string, double>)>();
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            var categories = result.TryGetProperty("categories", out var c) && c.ValueKind == JsonValueKind.Object
                ? c.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.True).Select(p => p.Name).ToList()
                : [];
            var scores = result.TryGetProperty("category_scores", out var s) && s.ValueKind == JsonValueKind.Object
                ? s.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => Math.Round(p.Value.GetDouble(), 6))
                : [];
            list.Add((result.TryGetProperty("flagged", out var f) && f.ValueKind == JsonValueKind.True, categories, scores));
        }
        return list;
    }

    private static BinaryContent Body(string model, JsonArray input) =>
        BinaryContent.Create(BinaryData.FromString(new JsonObject { ["model"] = model, ["input"] = input }.ToJsonString()));
}
