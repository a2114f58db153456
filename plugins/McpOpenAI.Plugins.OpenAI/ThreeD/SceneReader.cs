using System.Text.Json;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>Reads the model's JSON answer into a <see cref="SceneSpec"/>.</summary>
internal static class SceneReader
{
    public static SceneSpec Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw UnusableScene.Error("the answer is empty.");
        try
        {
            return JsonSerializer.Deserialize<SceneSpec>(text, KernelJson.Options) ?? throw UnusableScene.Error("the answer is null.");
        }
        catch (JsonException e)
        {
            throw UnusableScene.Error($"the answer is not a scene in the expected JSON shape ({e.Message}).");
        }
    }
}
