using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Plugins.OpenAI.ThreeD;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

/// <summary>
/// Scenes that push one schema bound: every value at the bound's path set to a number, or every array there resized
/// (repeating its items). Where a bound meets a rule between fields, the rest of the scene is adjusted so that only the
/// bound is tested: a material index gets enough materials, a large vertex index enough vertices.
/// </summary>
internal static class BoundaryScenes
{
    /// <summary>The paths whose bounds need the scene adjusted around them.</summary>
    public static readonly string[] Adjusted = ["nodes[].material", "nodes[].mesh.positions", "nodes[].mesh.indices[]"];

    /// <summary>Every primitive, both rotations, a mirror, a default material, a mesh without normals and one with.</summary>
    public static JsonObject Base()
    {
        var scene = JsonSerializer.SerializeToNode(TestScenes.Everything)!.AsObject();
        scene["nodes"]!.AsArray().Add(JsonNode.Parse(TestScenes.NodeJson("mesh", material: "2", mesh: TestScenes.MeshJson(
            "[0,0,0, 1,0,0, 0,1,0]", "[0,1,2]", normals: "[0,0,1, 0,0,1, 0,0,1]"))));
        return scene;
    }

    public static JsonObject With(SchemaBound bound, double value)
    {
        var scene = Base();
        switch (bound.Path, bound.Keyword)
        {
            case ("nodes[].material", _):
                var materials = scene["materials"]!.AsArray();
                Resize(materials, (int)Math.Clamp(value + 1, materials.Count, SceneLimits.MaxMaterials));
                Set(scene, bound.Path, value);
                break;
            case ("nodes[].mesh.positions", "minItems"):
                foreach (var mesh in At(scene, "nodes[].mesh").OfType<JsonObject>())
                {
                    Resize(mesh["positions"]!.AsArray(), (int)value);
                    mesh["indices"] = new JsonArray(0, 1, 2);
                    mesh["normals"] = null;
                }
                break;
            case ("nodes[].mesh.indices[]", _):
                var vertices = (int)Math.Clamp(value + 1, 3, SceneLimits.MaxMeshVertices);
                foreach (var mesh in At(scene, "nodes[].mesh").OfType<JsonObject>())
                {
                    if (mesh["positions"]!.AsArray().Count < 3 * vertices) Resize(mesh["positions"]!.AsArray(), 3 * vertices);
                    mesh["indices"]![0] = value;
                }
                break;
            case var _ when bound.OnLength:
                foreach (var array in At(scene, bound.Path).OfType<JsonArray>()) Resize(array, (int)value);
                break;
            default:
                Set(scene, bound.Path, value);
                break;
        }
        return scene;
    }

    // The values at a path; null values (a null rotation, a primitive's mesh) have nothing under them.
    private static IEnumerable<JsonNode?> At(JsonNode root, string path)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (var segment in path.Split('.'))
        {
            var name = segment.TrimEnd('[', ']');
            current = current.OfType<JsonObject>().Select(o => o[name]);
            if (segment.EndsWith("[]", StringComparison.Ordinal)) current = current.OfType<JsonArray>().SelectMany(a => a);
        }
        return current;
    }

    private static void Set(JsonNode root, string path, double value)
    {
        var cut = path.EndsWith("[]", StringComparison.Ordinal) ? path.Length - 2 : path.LastIndexOf('.');
        if (path.EndsWith("[]", StringComparison.Ordinal))
        {
            foreach (var array in At(root, path[..cut]).OfType<JsonArray>())
            {
                for (var i = 0; i < array.Count; i++) array[i] = value;
            }
            return;
        }
        var property = path[(cut + 1)..];
        foreach (var parent in (cut < 0 ? [root] : At(root, path[..cut])).OfType<JsonObject>()) parent[property] = value;
    }

    // Shortens an array, or lengthens it by repeating its items in order.
    private static void Resize(JsonArray array, int count)
    {
        while (array.Count > count) array.RemoveAt(array.Count - 1);
        for (var i = 0; array.Count < count; i++) array.Add(array[i]!.DeepClone());
    }
}
