using System.Text.Json;
using Json.Schema;
using McpOpenAI.Plugins.OpenAI.ThreeD;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

/// <summary>The scene schema as a real JSON Schema validator (JsonSchema.Net) sees it: what OpenAI's strict mode would let through.</summary>
internal static class SceneJsonSchema
{
    private static readonly JsonSchema Schema = JsonSchema.Build(SceneSchema.Element, baseUri: new Uri("https://mcp-openai.test/schemas/scene_3d"));

    /// <summary>Where <paramref name="scene"/> does not match the schema (JSON pointers) and why; empty when it matches.</summary>
    public static IReadOnlyList<(string Location, string Message)> Problems(string scene)
    {
        var results = Schema.Evaluate(JsonDocument.Parse(scene).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        return (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (d.InstanceLocation.ToString(), e.Value))).ToList();
    }

    public static bool Accepts(string scene) => Problems(scene).Count == 0;
}
