namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The file kinds a 3D model is written as, by extension, with their media types.</summary>
internal static class ModelFileKind
{
    public static readonly string[] Formats = ["gltf", "glb", "obj"];

    public static string MediaType(string extension) => extension.ToLowerInvariant() switch
    {
        "gltf" => "model/gltf+json",
        "glb" => "model/gltf-binary",
        "obj" => "model/obj",
        "mtl" => "model/mtl",
        _ => "application/json",
    };

    public static bool IsText(string extension) => extension.ToLowerInvariant() is not "glb";
}
