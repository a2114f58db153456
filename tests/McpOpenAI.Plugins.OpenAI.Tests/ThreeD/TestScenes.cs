using McpOpenAI.Plugins.OpenAI.ThreeD;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

/// <summary>Fixed scenes as the model would return them.</summary>
internal static class TestScenes
{
    /// <summary>Every primitive, a raw mesh (a tetrahedron without normals), quaternion and Euler rotations, a mirror, and a default material.</summary>
    public static object Everything => new
    {
        name = "Test table",
        description = "A table with a ball, a cone, a ring and a pyramid.",
        materials = new object[]
        {
            new { name = "oak wood", base_color = new[] { 0.6, 0.4, 0.2, 1.0 }, metallic = 0.0, roughness = 0.8, emissive = new[] { 0.0, 0.0, 0.0 } },
            new { name = "steel", base_color = new[] { 0.8, 0.8, 0.85, 1.0 }, metallic = 1.0, roughness = 0.3, emissive = new[] { 0.0, 0.0, 0.0 } },
            new { name = "glow glass", base_color = new[] { 0.2, 0.9, 0.3, 0.5 }, metallic = 0.0, roughness = 0.1, emissive = new[] { 0.1, 0.5, 0.1 } },
        },
        nodes = new object[]
        {
            Node("top", "box", 0, [0, 0.75, 0], [1.2, 0.05, 0.8]),
            Node("leg", "cylinder", 1, [0.5, 0.375, 0.3], [0.05, 0.75, 0.05]),
            Node("ball", "sphere", 2, [0, 0.9, 0], [0.2, 0.2, 0.2]),
            Node("cone", "cone", 1, [0.3, 0.85, 0], [0.1, 0.15, 0.1], rotation: [0, 0.3826834, 0, 0.9238795]),
            Node("ring", "torus", 1, [-0.3, 0.8, 0], [0.2, 0.2, 0.2], euler: [90, 0, 0]),
            Node("floor", "plane", null, [0, 0, 0], [3, 1, 3]),
            Node("mirrored leg", "cylinder", 1, [-0.5, 0.375, 0.3], [-0.05, 0.75, 0.05]),
            new
            {
                name = "pyramid", shape = "mesh", material = (int?)0, translation = new[] { 0.0, 0.8, 0.2 }, rotation = (double[]?)null,
                rotation_euler_degrees = (double[]?)null, scale = new[] { 0.1, 0.1, 0.1 },
                mesh = new { positions = new[] { 0.0, 1, 0, -1, 0, -1, 1, 0, -1, 0, 0, 1 }, normals = (double[]?)null, indices = new[] { 0, 2, 1, 0, 3, 2, 0, 1, 3, 1, 2, 3 } },
            },
        },
    };

    public static object Node(string name, string shape, int? material, double[] translation, double[] scale, double[]? rotation = null, double[]? euler = null) => new
    {
        name, shape, material, translation, rotation, rotation_euler_degrees = euler, scale, mesh = (object?)null,
    };

    /// <summary>A scene as JSON text: one red material and <paramref name="nodes"/> (JSON objects, comma-separated).</summary>
    public static string SceneJson(string nodes) =>
        """{"name":"x","description":"","materials":[{"name":"m","base_color":[1,0,0,1],"metallic":0,"roughness":1,"emissive":[0,0,0]}],"nodes":[""" + nodes + "]}";

    /// <summary>A node as JSON text; each argument is JSON.</summary>
    public static string NodeJson(string shape, string material = "null", string translation = "[0,0,0]", string scale = "[1,1,1]", string rotation = "null", string mesh = "null") =>
        $$"""{"name":"n","shape":"{{shape}}","material":{{material}},"translation":{{translation}},"rotation":{{rotation}},"rotation_euler_degrees":null,"scale":{{scale}},"mesh":{{mesh}}}""";

    /// <summary>A mesh as JSON text; each argument is a JSON array.</summary>
    public static string MeshJson(string positions, string indices, string normals = "null") =>
        $$"""{"positions":{{positions}},"normals":{{normals}},"indices":{{indices}}}""";

    public static Scene Checked(object spec, int segments = 24) =>
        SceneValidator.Check(SceneReader.Read(System.Text.Json.JsonSerializer.Serialize(spec)), segments);
}
