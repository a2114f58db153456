using System.Text.Json;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Reads the pieces of OpenAI image payloads.</summary>
internal static class ImageJson
{
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static ImageUsage? Usage(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object) return null;
        long Read(JsonElement e, string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
        long? imageTokens = usage.TryGetProperty("input_tokens_details", out var details) && details.ValueKind == JsonValueKind.Object
            && details.TryGetProperty("image_tokens", out var it) && it.ValueKind == JsonValueKind.Number ? it.GetInt64() : null;
        return new ImageUsage(Read(usage, "input_tokens"), Read(usage, "output_tokens"), Read(usage, "total_tokens"), imageTokens);
    }

    public static ImageUsage? Add(ImageUsage? a, ImageUsage? b) => a is null ? b : b is null ? a
        : new ImageUsage(a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens, a.TotalTokens + b.TotalTokens,
            a.InputImageTokens is null && b.InputImageTokens is null ? null : (a.InputImageTokens ?? 0) + (b.InputImageTokens ?? 0));

    public static byte[] Base64(string? value, string what) =>
        value is null ? throw new InvalidDataException($"OpenAI returned no {what}.") : Convert.FromBase64String(value);
}
