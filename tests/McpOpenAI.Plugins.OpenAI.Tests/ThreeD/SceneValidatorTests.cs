using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.ThreeD;
using static McpOpenAI.Plugins.OpenAI.Tests.ThreeD.TestScenes;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

public sealed class SceneValidatorTests
{
    [Fact]
    public void Check_FixedScene_SharesPrimitiveMeshesAndAddsDefaultMaterial()
    {
        var scene = TestScenes.Checked(TestScenes.Everything);

        Assert.Equal(8, scene.Nodes.Count);
        // The two steel cylinders share one mesh; the floor gets the grey default material after the declared three.
        Assert.Equal(7, scene.Meshes.Count);
        Assert.Equal(scene.Nodes[1].Mesh, scene.Nodes[6].Mesh);
        Assert.Equal(4, scene.Materials.Count);
        Assert.Equal("default", scene.Materials[3].Name);
        Assert.Equal(3, scene.Meshes[scene.Nodes[5].Mesh].Material);
        Assert.Equal(1, scene.Nodes[3].Rotation.Length(), 5);
        Assert.Equal(1, scene.Nodes[4].Rotation.Length(), 5);
        Assert.Equal(4, scene.Meshes[scene.Nodes[7].Mesh].Geometry.TriangleCount);
    }

    private const string Triangle = "[0,0,0, 1,0,0, 0,1,0]";

    // Each refused scene, what the refusal says, and whether the schema lets it through (null: not JSON at all). The ones the
    // schema lets through are the rules SceneSchema lists as checked after generation; every other refusal the schema prevents.
    public static TheoryData<string, string, bool?> Unusable => new()
    {
        { "not json", "expected JSON shape", null },
        { "", "empty", null },
        { """{"name":"x","description":"","materials":[],"nodes":[]}""", "no nodes", false },
        { Scene(string.Join(",", Enumerable.Repeat(NodeJson("box"), SceneLimits.MaxNodes + 1))), "nodes; at most", false },
        { Scene(NodeJson("box"), materials: SceneLimits.MaxMaterials + 1), "materials; at most", false },
        { Scene(NodeJson("cube")), "shape 'cube'", false },
        { Scene(NodeJson("box", material: "-1")), "material is -1", false },
        { Scene(NodeJson("box", material: "0.5")), "whole number", false },
        { Scene(NodeJson("box", scale: "[1,0,1]")), "zero component", false },
        { Scene(NodeJson("box", translation: "[1,2]")), "translation has 2 numbers", false },
        { Scene(NodeJson("box", translation: "[1e300,0,0]")), "translation[0]", false },
        { Scene(NodeJson("box", rotation: "[0,0,1]")), "rotation has 3 numbers", false },
        { Scene(NodeJson("mesh")), "no mesh positions", false },
        { Scene(NodeJson("mesh", mesh: MeshJson(Triangle, "[0,1,2.5]"))), "whole vertex numbers", false },
        { Scene(NodeJson("mesh", mesh: MeshJson(Repeat(Triangle, SceneLimits.MaxMeshVertices / 3 + 1), "[0,1,2]"))), "vertices; at most", false },
        { Scene(NodeJson("mesh", mesh: MeshJson(Triangle, Repeat("[0,1,2]", SceneLimits.MaxMeshIndices / 3 + 1)))), "indices; at most", false },
        { Scene(NodeJson("box", material: "5")), "material is 5, but there are 1 materials (indices 0 to 0); refer to one of them", true },
        { Scene(NodeJson("box", rotation: "[0,0,0,0]")), "zero quaternion, which is no rotation; give a unit quaternion", true },
        { Scene(NodeJson("mesh", mesh: MeshJson(Triangle, "[0,1,3]"))), "indices[2] is 3, but the mesh has 3 vertices (0 to 2); refer only to vertices given in positions", true },
        { Scene(NodeJson("mesh", mesh: MeshJson("[0,0,0, 1,0,0, 0,1,0, 1]", "[0,1,2]"))), "10 numbers, not a multiple of 3; give exactly x, y, z for every vertex", true },
        { Scene(NodeJson("mesh", mesh: MeshJson(Triangle, "[0,1,2,0]"))), "4 entries, not a positive multiple of 3; give three vertex numbers for every triangle", true },
        { Scene(NodeJson("mesh", mesh: MeshJson(Triangle, "[0,0,1]"))), "only degenerate triangles (each repeats a vertex); give every triangle three different vertex numbers", true },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Check_UnusableScene_UpstreamErrorSaysWhatToChangeAndSchemaPreventsAllButTheLaterChecks(string json, string expected, bool? schemaAccepts)
    {
        var error = Assert.Throws<UnusableSceneException>(() => SceneValidator.Check(SceneReader.Read(json), 12));

        Assert.Equal(ErrorCodes.UpstreamError, error.Code);
        Assert.Contains(expected, error.Message);
        Assert.Contains(expected, error.Problem);
        Assert.NotEmpty(error.Suggestions);
        if (schemaAccepts is { } accepts) Assert.Equal(accepts, SceneJsonSchema.Accepts(json));
    }

    [Fact]
    public void Check_ColoursOutOfRange_Clamped()
    {
        var json = """{"name":"x","description":"","materials":[{"name":"m","base_color":[2,-1,0.5],"metallic":3,"roughness":-1,"emissive":[0,0,9]}],"nodes":[""" + NodeJson("box", material: "0") + "]}";

        var material = SceneValidator.Check(SceneReader.Read(json), 12).Materials[0];

        Assert.Equal(new System.Numerics.Vector4(1, 0, 0.5f, 1), material.BaseColor);
        Assert.Equal((1f, 0f), (material.Metallic, material.Roughness));
        Assert.Equal(new System.Numerics.Vector3(0, 0, 1), material.Emissive);
    }

    private static string Scene(string nodes, int materials = 1)
    {
        var json = SceneJson(nodes);
        if (materials == 1) return json;
        var scene = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var list = scene["materials"]!.AsArray();
        while (list.Count < materials) list.Add(list[0]!.DeepClone());
        return scene.ToJsonString();
    }

    // A JSON array of the items of `array` repeated `times` times.
    private static string Repeat(string array, int times) => "[" + string.Join(",", Enumerable.Repeat(array[1..^1], times)) + "]";
}
