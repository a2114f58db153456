namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The bytes of every file asked for, by extension: gltf, glb, and obj with its mtl.</summary>
internal static class SceneFiles
{
    public static IReadOnlyList<(string Extension, byte[] Bytes)> Write(Scene scene, IReadOnlyList<string> formats, string stem)
    {
        var files = new List<(string, byte[])>();
        foreach (var format in formats)
        {
            switch (format)
            {
                case "gltf":
                    files.Add(("gltf", GltfWriter.Gltf(scene)));
                    break;
                case "glb":
                    files.Add(("glb", GltfWriter.Glb(scene)));
                    break;
                case "obj":
                    files.Add(("obj", ObjWriter.Obj(scene, stem + ".mtl")));
                    files.Add(("mtl", ObjWriter.Mtl(scene)));
                    break;
            }
        }
        return files;
    }
}
