using System.Numerics;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>Collects vertices (position and normal) and counter-clockwise triangles into a <see cref="MeshData"/>.</summary>
internal sealed class MeshBuilder
{
    private readonly List<float> _positions = [];
    private readonly List<float> _normals = [];
    private readonly List<uint> _indices = [];

    public uint Vertex(Vector3 position, Vector3 normal)
    {
        var index = (uint)(_positions.Count / 3);
        var n = Vector3.Normalize(normal);
        _positions.AddRange([position.X, position.Y, position.Z]);
        _normals.AddRange([n.X, n.Y, n.Z]);
        return index;
    }

    public void Triangle(uint a, uint b, uint c) => _indices.AddRange([a, b, c]);

    /// <summary>Two triangles over the quad a-b-c-d given counter-clockwise.</summary>
    public void Quad(uint a, uint b, uint c, uint d)
    {
        Triangle(a, b, c);
        Triangle(a, c, d);
    }

    public MeshData Build() => new([.. _positions], [.. _normals], [.. _indices]);
}
