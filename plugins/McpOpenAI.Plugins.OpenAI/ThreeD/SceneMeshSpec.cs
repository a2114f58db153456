namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// A raw triangle mesh as the model returns it: flat x, y, z positions, optional normals, and 0-based triangle indices
/// (read as numbers because JSON Schema's integers include 2.0).
/// </summary>
internal sealed record SceneMeshSpec(double[]? Positions, double[]? Normals, double[]? Indices);
