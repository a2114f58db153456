using System.Numerics;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A checked PBR material (metallic-roughness): every factor within 0..1.</summary>
internal sealed record SceneMaterial(string Name, Vector4 BaseColor, float Metallic, float Roughness, Vector3 Emissive);
