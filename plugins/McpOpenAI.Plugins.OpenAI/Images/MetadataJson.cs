using System.Text.Json;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Indented snake_case JSON for metadata and thread files.</summary>
internal static class MetadataJson
{
    public static JsonSerializerOptions Options { get; } = new(KernelJson.Options) { WriteIndented = true };

    /// <summary>The file at <paramref name="path"/> read as <typeparamref name="T"/>; null when it is missing or not valid JSON.</summary>
    public static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
