using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using McpOpenAI.Plugins.OpenAI.ThreeD;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

public sealed class GltfWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gltf-writer-").FullName;

    [Theory]
    [InlineData("gltf", 12)]
    [InlineData("gltf", 48)]
    [InlineData("glb", 24)]
    public async Task Write_FixedScene_PassesKhronosValidatorWithNoIssues(string format, int segments)
    {
        var ct = TestContext.Current.CancellationToken;
        var scene = TestScenes.Checked(TestScenes.Everything, segments);
        var path = Path.Combine(_folder, "scene." + format);
        await File.WriteAllBytesAsync(path, format == "glb" ? GltfWriter.Glb(scene) : GltfWriter.Gltf(scene), ct);

        var report = await GltfValidator.ValidateAsync(path, ct);

        GltfValidator.AssertValid(report);
        var info = report.GetProperty("info");
        // The validator counts each mesh once (the two steel cylinders share one).
        Assert.Equal(scene.Meshes.Count, info.GetProperty("drawCallCount").GetInt32());
        Assert.Equal(scene.Materials.Count, info.GetProperty("materialCount").GetInt32());
        Assert.Equal(scene.Meshes.Sum(m => m.Geometry.VertexCount), info.GetProperty("totalVertexCount").GetInt32());
        Assert.Equal(scene.Meshes.Sum(m => m.Geometry.TriangleCount), info.GetProperty("totalTriangleCount").GetInt32());
    }

    [Fact]
    public void Gltf_FixedScene_AccessorsViewsAndBufferFollowTheSpec()
    {
        var scene = TestScenes.Checked(TestScenes.Everything);

        var root = JsonDocument.Parse(GltfWriter.Gltf(scene)).RootElement;

        Assert.Equal("2.0", root.GetProperty("asset").GetProperty("version").GetString());
        var accessors = root.GetProperty("accessors").EnumerateArray().ToList();
        var views = root.GetProperty("bufferViews").EnumerateArray().ToList();
        foreach (var primitive in root.GetProperty("meshes").EnumerateArray().Select(m => m.GetProperty("primitives")[0]))
        {
            var position = accessors[primitive.GetProperty("attributes").GetProperty("POSITION").GetInt32()];
            Assert.Equal(5126, position.GetProperty("componentType").GetInt32());
            Assert.Equal("VEC3", position.GetProperty("type").GetString());
            Assert.Equal(3, position.GetProperty("min").GetArrayLength());
            Assert.Equal(3, position.GetProperty("max").GetArrayLength());
            Assert.Equal(34962, views[position.GetProperty("bufferView").GetInt32()].GetProperty("target").GetInt32());
            var indices = accessors[primitive.GetProperty("indices").GetInt32()];
            Assert.Equal(5123, indices.GetProperty("componentType").GetInt32());
            Assert.Equal(34963, views[indices.GetProperty("bufferView").GetInt32()].GetProperty("target").GetInt32());
        }
        Assert.All(views, v => Assert.Equal(0, v.GetProperty("byteOffset").GetInt32() % 4));
        var buffer = root.GetProperty("buffers")[0];
        var data = Convert.FromBase64String(buffer.GetProperty("uri").GetString()!["data:application/octet-stream;base64,".Length..]);
        Assert.Equal(data.Length, buffer.GetProperty("byteLength").GetInt32());
        Assert.Equal(0, data.Length % 4);
        Assert.Equal("BLEND", root.GetProperty("materials")[2].GetProperty("alphaMode").GetString());
    }

    [Fact]
    public void Glb_FixedScene_HeaderAndChunksArePaddedAndTyped()
    {
        var glb = GltfWriter.Glb(TestScenes.Checked(TestScenes.Everything));

        Assert.Equal("glTF"u8.ToArray(), glb[..4]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(glb.AsSpan(4)));
        Assert.Equal((uint)glb.Length, BinaryPrimitives.ReadUInt32LittleEndian(glb.AsSpan(8)));
        var jsonLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(glb.AsSpan(12));
        Assert.Equal(0, jsonLength % 4);
        Assert.Equal("JSON"u8.ToArray(), glb[16..20]);
        var json = Encoding.UTF8.GetString(glb, 20, jsonLength);
        Assert.EndsWith("}", json.TrimEnd(' '));
        var root = JsonDocument.Parse(json).RootElement;
        Assert.False(root.GetProperty("buffers")[0].TryGetProperty("uri", out _));
        var bin = 20 + jsonLength;
        var binLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(glb.AsSpan(bin));
        Assert.Equal(0, binLength % 4);
        Assert.Equal("BIN\0"u8.ToArray(), glb[(bin + 4)..(bin + 8)]);
        Assert.Equal(glb.Length, bin + 8 + binLength);
        Assert.Equal(root.GetProperty("buffers")[0].GetProperty("byteLength").GetInt32(), binLength);
    }

    [Fact]
    public async Task Glb_MeshOverUnsignedShortRange_UsesUnsignedIntIndicesAndStaysValid()
    {
        var ct = TestContext.Current.CancellationToken;
        // A strip of 70,000 vertices: indices past 65535 need UNSIGNED_INT (5125).
        var count = 70_000;
        var positions = new float[count * 3];
        for (var i = 0; i < count; i++) (positions[3 * i], positions[3 * i + 1]) = (i / 2 * 0.001f, i % 2);
        var indices = Enumerable.Range(0, count - 2).SelectMany(i => i % 2 == 0 ? new[] { (uint)i, (uint)i + 1, (uint)i + 2 } : [(uint)i, (uint)i + 2, (uint)i + 1]).ToArray();
        var geometry = new MeshData(positions, MeshNormals.Complete(positions, indices, null), indices);
        var scene = new Scene("strip", "", [new SceneMaterial("m", System.Numerics.Vector4.One, 0, 1, default)], [new SceneMesh("strip", "mesh", geometry, 0)],
            [new SceneNode("strip", 0, default, System.Numerics.Quaternion.Identity, System.Numerics.Vector3.One)]);
        var path = Path.Combine(_folder, "strip.glb");
        var glb = GltfWriter.Glb(scene);
        await File.WriteAllBytesAsync(path, glb, ct);

        var report = await GltfValidator.ValidateAsync(path, ct);

        GltfValidator.AssertValid(report);
        var json = JsonDocument.Parse(Encoding.UTF8.GetString(glb, 20, (int)BinaryPrimitives.ReadUInt32LittleEndian(glb.AsSpan(12)))).RootElement;
        Assert.Equal(5125, json.GetProperty("accessors")[2].GetProperty("componentType").GetInt32());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
