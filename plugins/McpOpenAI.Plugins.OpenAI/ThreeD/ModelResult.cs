using System.ComponentModel;
using McpOpenAI.Plugins.OpenAI.Chat;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>What <c>generate_3d_model</c> returns.</summary>
public sealed record ModelResult
{
    /// <summary>Our id (the end of every file name).</summary>
    [Description("Our id; every file of this model ends with it.")]
    public string Id { get; init; } = "";

    /// <summary>The scene's name.</summary>
    [Description("The scene's name.")]
    public string Name { get; init; } = "";

    /// <summary>A short description of what was built.</summary>
    [Description("A short description of what was built: parts, materials and overall size.")]
    public string Preview { get; init; } = "";

    /// <summary>The written files.</summary>
    [Description("The written files: gltf (embedded buffer), glb, obj and mtl, each with its path and model:// resource URI.")]
    public IReadOnlyList<ModelFile> Files { get; init; } = [];

    /// <summary>The metadata file.</summary>
    [Description("The JSON metadata file beside the model (request, counts, usage and the scene itself).")]
    public string MetadataPath { get; init; } = "";

    /// <summary>What the scene holds.</summary>
    [Description("Nodes, meshes, materials, vertices and triangles.")]
    public SceneCounts Counts { get; init; } = new(0, 0, 0, 0, 0);

    /// <summary>The chat model that designed the scene.</summary>
    [Description("The chat model that designed the scene.")]
    public string Model { get; init; } = "";

    /// <summary>low, medium or high.</summary>
    [Description("The detail level used.")]
    public string Detail { get; init; } = "";

    /// <summary>Tokens used.</summary>
    [Description("Tokens used.")]
    public ChatUsage? Usage { get; init; }

    /// <summary>The output folder.</summary>
    [Description("The output folder.")]
    public string OutputFolder { get; init; } = "";
}
