using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.ThreeD;

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

    public static TheoryData<string, string> Unusable => new()
    {
        { """{"name":"x","description":"","materials":[],"nodes":[]}""", "no nodes" },
        { "not json", "expected JSON shape" },
        { "", "empty" },
        { Scene(Node("box", material: "5")), "material 5" },
        { Scene(Node("cube")), "shape 'cube'" },
        { Scene(Node("box", scale: "[1,0,1]")), "zero component" },
        { Scene(Node("box", translation: "[1,2]")), "translation has 2 numbers" },
        { Scene(Node("box", translation: "[1e300,0,0]")), "translation[0]" },
        { Scene(Node("box", rotation: "[0,0,0,0]")), "zero quaternion" },
        { Scene(Node("mesh")), "no mesh positions" },
        { Scene(Node("mesh", mesh: """{"positions":[0,0,0,1,0,0,0,1,0],"normals":null,"indices":[0,1,3]}""")), "outside 0..2" },
        { Scene(Node("mesh", mesh: """{"positions":[0,0,0,1,0,0,0,1],"normals":null,"indices":[0,1,2]}""")), "not a multiple of 3" },
        { Scene(Node("mesh", mesh: """{"positions":[0,0,0,1,0,0,0,1,0],"normals":null,"indices":[0,1]}""")), "multiple of 3" },
        { Scene(Node("mesh", mesh: """{"positions":[0,0,0,1,0,0,0,1,0],"normals":null,"indices":[0,0,1]}""")), "degenerate" },
        { Scene(string.Join(",", Enumerable.Repeat(Node("box"), SceneLimits.MaxNodes + 1))), "nodes; at most" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Check_UnusableScene_UpstreamErrorSaysWhy(string json, string expected)
    {
        var error = Assert.Throws<FunctionException>(() => SceneValidator.Check(SceneReader.Read(json), 12));

        Assert.Equal(ErrorCodes.UpstreamError, error.Code);
        Assert.Contains(expected, error.Message);
        Assert.NotEmpty(error.Suggestions);
    }

    [Fact]
    public void Check_ColoursOutOfRange_Clamped()
    {
        var json = """{"name":"x","description":"","materials":[{"name":"m","base_color":[2,-1,0.5],"metallic":3,"roughness":-1,"emissive":[0,0,9]}],"nodes":[""" + Node("box", material: "0") + "]}";

        var material = SceneValidator.Check(SceneReader.Read(json), 12).Materials[0];

        Assert.Equal(new System.Numerics.Vector4(1, 0, 0.5f, 1), material.BaseColor);
        Assert.Equal((1f, 0f), (material.Metallic, material.Roughness));
        Assert.Equal(new System.Numerics.Vector3(0, 0, 1), material.Emissive);
    }

    private static string Scene(string nodes) => """{"name":"x","description":"","materials":[{"name":"m","base_color":[1,0,0,1],"metallic":0,"roughness":1,"emissive":[0,0,0]}],"nodes":[""" + nodes + "]}";

    private static string Node(string shape, string material = "null", string translation = "[0,0,0]", string scale = "[1,1,1]", string rotation = "null", string mesh = "null") =>
        $$"""{"name":"n","shape":"{{shape}}","material":{{material}},"translation":{{translation}},"rotation":{{rotation}},"rotation_euler_degrees":null,"scale":{{scale}},"mesh":{{mesh}}}""";
}
