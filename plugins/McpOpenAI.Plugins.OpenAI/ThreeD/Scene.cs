namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A checked scene, ready for the writers: materials, meshes (shared between nodes) and nodes.</summary>
internal sealed record Scene(string Name, string Description, IReadOnlyList<SceneMaterial> Materials, IReadOnlyList<SceneMesh> Meshes, IReadOnlyList<SceneNode> Nodes)
{
    /// <summary>What the scene holds, counting each node's mesh once per node (what renders).</summary>
    public SceneCounts Counts => new(Nodes.Count, Meshes.Count, Materials.Count,
        Nodes.Sum(n => Meshes[n.Mesh].Geometry.VertexCount), Nodes.Sum(n => Meshes[n.Mesh].Geometry.TriangleCount));
}
