using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Indented snake_case JSON for metadata and thread files.</summary>
internal static class MetadataJson
{
    public static JsonSerializerOptions Options { get; } = new(KernelJson.Options)
    {
        WriteIndented = true,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(OpenAIJson.Default, KernelJson.Options.TypeInfoResolver),
    };

    /// <summary>The file at <paramref name="path"/> read as <typeparamref name="T"/>; null when it is missing or not valid JSON.</summary>
    public static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        return Parse<T>(File.ReadAllBytes(path));
    }

    /// <summary>The value in <paramref name="json"/>, or null when it is not valid JSON of that shape.</summary>
    public static T? Parse<T>(ReadOnlySpan<byte> json) where T : class
    {
        try
        {
            return KernelJson.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
