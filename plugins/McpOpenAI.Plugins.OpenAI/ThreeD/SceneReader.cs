using System.Text.Json;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>Reads the model's JSON answer into a <see cref="SceneSpec"/>.</summary>
internal static class SceneReader
{
    public static SceneSpec Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UnusableSceneException("the answer is empty.");
        try
        {
            return KernelJson.Deserialize<SceneSpec>(text) ?? throw new UnusableSceneException("the answer is null.");
        }
        catch (JsonException e)
        {
            throw new UnusableSceneException($"the answer is not a scene in the expected JSON shape ({e.Message}).");
        }
    }
}
