using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>One written file of a 3D model.</summary>
/// <param name="Format">gltf, glb, obj or mtl.</param>
/// <param name="Path">The full path.</param>
/// <param name="Uri">The <c>model://</c> resource URI.</param>
/// <param name="Bytes">The file's size.</param>
public sealed record ModelFile(
    [property: Description("gltf, glb, obj or mtl.")] string Format,
    [property: Description("The full file path.")] string Path,
    [property: Description("The model:// resource URI.")] string Uri,
    [property: Description("The size in bytes.")] long Bytes);
