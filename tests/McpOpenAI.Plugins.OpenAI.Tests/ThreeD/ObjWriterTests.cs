using System.Globalization;
using System.Numerics;
using System.Text;
using McpOpenAI.Plugins.OpenAI.ThreeD;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

public sealed class ObjWriterTests
{
    [Fact]
    public void Obj_FixedScene_ParsesBackWithOneBasedIndicesInRangeAndKnownMaterials()
    {
        var scene = TestScenes.Checked(TestScenes.Everything);
        var obj = Lines(ObjWriter.Obj(scene, "model.mtl"));
        var mtl = Lines(ObjWriter.Mtl(scene));

        Assert.Contains("mtllib model.mtl", obj);
        var vertices = obj.Count(l => l.StartsWith("v ", StringComparison.Ordinal));
        var normals = obj.Count(l => l.StartsWith("vn ", StringComparison.Ordinal));
        var faces = obj.Where(l => l.StartsWith("f ", StringComparison.Ordinal)).ToList();
        Assert.Equal(scene.Counts.Vertices, vertices);
        Assert.Equal(scene.Counts.Vertices, normals);
        Assert.Equal(scene.Counts.Triangles, faces.Count);
        Assert.Equal(scene.Nodes.Count, obj.Count(l => l.StartsWith("o ", StringComparison.Ordinal)));
        foreach (var face in faces)
        {
            var corners = face.Split(' ')[1..];
            Assert.Equal(3, corners.Length);
            foreach (var corner in corners)
            {
                var parts = corner.Split("//");
                Assert.Equal(parts[0], parts[1]);
                Assert.InRange(int.Parse(parts[0], CultureInfo.InvariantCulture), 1, vertices);
            }
        }
        Assert.All(obj.Where(l => l.StartsWith("vn ", StringComparison.Ordinal)), l => Assert.InRange(Vector(l).Length(), 0.999f, 1.001f));
        var declared = mtl.Where(l => l.StartsWith("newmtl ", StringComparison.Ordinal)).Select(l => l[7..]).ToHashSet();
        Assert.Equal(scene.Materials.Count, declared.Count);
        Assert.All(obj.Where(l => l.StartsWith("usemtl ", StringComparison.Ordinal)), l => Assert.Contains(l[7..], declared));
        Assert.DoesNotContain(declared, d => d.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void Obj_TransformedNode_VerticesAreInWorldSpace()
    {
        var scene = TestScenes.Checked(TestScenes.Everything);
        var obj = Lines(ObjWriter.Obj(scene, "m.mtl"));

        // The table top: a unit box scaled to 1.2 x 0.05 x 0.8 and lifted to y = 0.75.
        var top = obj.SkipWhile(l => l != "o top").Skip(1).TakeWhile(l => l.StartsWith("v ", StringComparison.Ordinal)).Select(Vector).ToList();
        Assert.Equal(24, top.Count);
        Assert.Equal(0.6f, top.Max(v => v.X), 4);
        Assert.Equal(0.775f, top.Max(v => v.Y), 4);
        Assert.Equal(-0.4f, top.Min(v => v.Z), 4);
    }

    [Fact]
    public void Mtl_FixedScene_KdKsNsAndDissolveFromThePbrFactors()
    {
        var scene = TestScenes.Checked(TestScenes.Everything);
        var mtl = Lines(ObjWriter.Mtl(scene));

        var steel = mtl.SkipWhile(l => l != "newmtl m1_steel").Skip(1).TakeWhile(l => l.Length > 0).ToDictionary(l => l.Split(' ')[0], l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("0.8 0.8 0.85", steel["Kd"]);
        Assert.Equal("0.8 0.8 0.85", steel["Ks"]);
        Assert.Equal("1", steel["d"]);
        Assert.Equal("490", steel["Ns"]);
        var glass = mtl.SkipWhile(l => l != "newmtl m2_glow_glass").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Contains("d 0.5", glass);
        Assert.Contains("Ke 0.1 0.5 0.1", glass);
        Assert.Contains("Ks 0.04 0.04 0.04", glass);
    }

    private static List<string> Lines(byte[] bytes) => Encoding.UTF8.GetString(bytes).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    private static Vector3 Vector(string line)
    {
        var parts = line.Split(' ');
        return new Vector3(float.Parse(parts[1], CultureInfo.InvariantCulture), float.Parse(parts[2], CultureInfo.InvariantCulture), float.Parse(parts[3], CultureInfo.InvariantCulture));
    }
}
