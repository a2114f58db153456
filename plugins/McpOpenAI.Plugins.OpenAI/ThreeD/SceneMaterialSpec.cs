namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A material as the model returns it: RGBA base colour, metallic, roughness, RGB emissive, each 0..1.</summary>
internal sealed record SceneMaterialSpec(string? Name, double[]? BaseColor, double? Metallic, double? Roughness, double[]? Emissive);
