using System.Text.Json;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Indented snake_case JSON for metadata and thread files.</summary>
internal static class MetadataJson
{
    public static JsonSerializerOptions Options { get; } = new(KernelJson.Options) { WriteIndented = true };
}
