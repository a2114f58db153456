namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A checked mesh: its geometry, what it was made from (a primitive's name or <c>mesh</c>) and its material's index.</summary>
internal sealed record SceneMesh(string Name, string Shape, MeshData Geometry, int Material);
