using System.Numerics;
using McpOpenAI.Plugins.OpenAI.ThreeD;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

public sealed class PrimitivesTests
{
    public static TheoryData<string, int> Shapes => new()
    {
        { "box", 12 }, { "plane", 12 }, { "sphere", 12 }, { "sphere", 48 }, { "cylinder", 12 }, { "cylinder", 24 },
        { "cone", 12 }, { "cone", 48 }, { "torus", 12 }, { "torus", 24 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Create_AnyShape_UnitNormalsIndicesInRangeAndFacesAgreeWithNormals(string shape, int segments)
    {
        var mesh = Primitives.Create(shape, segments);

        Assert.Equal(mesh.Positions.Length, mesh.Normals.Length);
        Assert.Equal(0, mesh.Indices.Length % 3);
        Assert.All(Enumerable.Range(0, mesh.VertexCount), i => Assert.InRange(At(mesh.Normals, (uint)i).Length(), 0.9999f, 1.0001f));
        Assert.All(mesh.Indices, i => Assert.InRange(i, 0u, (uint)mesh.VertexCount - 1));
        for (var t = 0; t < mesh.Indices.Length; t += 3)
        {
            var (a, b, c) = (mesh.Indices[t], mesh.Indices[t + 1], mesh.Indices[t + 2]);
            var face = Vector3.Cross(At(mesh.Positions, b) - At(mesh.Positions, a), At(mesh.Positions, c) - At(mesh.Positions, a));
            Assert.True(face.Length() > 1e-7f, $"{shape}: triangle {t / 3} is degenerate");
            var normals = At(mesh.Normals, a) + At(mesh.Normals, b) + At(mesh.Normals, c);
            Assert.True(Vector3.Dot(face, normals) > 0, $"{shape}: triangle {t / 3} winds against its normals");
        }
    }

    [Theory]
    [InlineData("box")]
    [InlineData("sphere")]
    [InlineData("cylinder")]
    [InlineData("cone")]
    [InlineData("torus")]
    public void Create_AnyShape_FitsTheUnitBox(string shape)
    {
        var mesh = Primitives.Create(shape, 24);

        Assert.All(mesh.Positions, p => Assert.InRange(p, -0.5f - 1e-6f, 0.5f + 1e-6f));
        Assert.Equal(0.5f, mesh.Positions.Where((_, i) => i % 3 == 0).Max(), 5);
    }

    [Fact]
    public void Create_ConvexShapes_FacesPointOutward()
    {
        foreach (var shape in (string[])["box", "sphere", "cylinder", "cone"])
        {
            var mesh = Primitives.Create(shape, 16);
            for (var t = 0; t < mesh.Indices.Length; t += 3)
            {
                var (a, b, c) = (At(mesh.Positions, mesh.Indices[t]), At(mesh.Positions, mesh.Indices[t + 1]), At(mesh.Positions, mesh.Indices[t + 2]));
                Assert.True(Vector3.Dot(Vector3.Cross(b - a, c - a), (a + b + c) / 3) > 0, $"{shape}: triangle {t / 3} faces inward");
            }
        }
    }

    private static Vector3 At(float[] values, uint i) => new(values[3 * i], values[3 * i + 1], values[3 * i + 2]);
}
