using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>What a generated scene holds.</summary>
/// <param name="Nodes">Placed parts.</param>
/// <param name="Meshes">Distinct meshes (nodes of the same shape and material share one).</param>
/// <param name="Materials">Materials.</param>
/// <param name="Vertices">Vertices over all nodes.</param>
/// <param name="Triangles">Triangles over all nodes.</param>
public sealed record SceneCounts(
    [property: Description("Placed parts (nodes).")] int Nodes,
    [property: Description("Distinct meshes; nodes of the same shape and material share one.")] int Meshes,
    [property: Description("Materials.")] int Materials,
    [property: Description("Vertices over all nodes.")] int Vertices,
    [property: Description("Triangles over all nodes.")] int Triangles);
