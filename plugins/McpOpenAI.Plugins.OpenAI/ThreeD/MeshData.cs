namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A triangle mesh: positions and unit normals (x, y, z per vertex) and counter-clockwise triangle indices.</summary>
internal sealed record MeshData(float[] Positions, float[] Normals, uint[] Indices)
{
    public int VertexCount => Positions.Length / 3;

    public int TriangleCount => Indices.Length / 3;
}
