using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.Server.Tests.OpenAI.Images;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.OpenAI.ThreeD;

/// <summary>generate_3d_model end to end over stdio: the fake's scripted scene becomes files that pass the Khronos validator.</summary>
public sealed class Generate3DModelTests
{
    private static object Scene => new
    {
        name = "Lamp",
        description = "A desk lamp: a round base, a stem, a cone shade and a glowing bulb.",
        materials = new object[]
        {
            new { name = "brass", base_color = new[] { 0.8, 0.6, 0.2, 1.0 }, metallic = 1.0, roughness = 0.35, emissive = new[] { 0.0, 0.0, 0.0 } },
            new { name = "bulb", base_color = new[] { 1.0, 1.0, 0.8, 1.0 }, metallic = 0.0, roughness = 0.2, emissive = new[] { 1.0, 0.9, 0.6 } },
        },
        nodes = new object[]
        {
            Node("base", "cylinder", 0, [0, 0.02, 0], [0.3, 0.04, 0.3], null),
            Node("stem", "cylinder", 0, [0, 0.3, 0], [0.03, 0.52, 0.03], null),
            Node("shade", "cone", 0, [0, 0.6, 0.05], [0.35, 0.25, 0.35], [-20, 0, 0]),
            Node("bulb", "sphere", 1, [0, 0.52, 0.03], [0.1, 0.1, 0.1], null),
            Node("ring", "torus", 0, [0, 0.48, 0.03], [0.12, 0.12, 0.12], null),
            Node("mat", "plane", null, [0, 0, 0], [0.6, 1, 0.6], null),
            Node("switch", "box", 1, [0.1, 0.05, 0], [0.04, 0.02, 0.04], null),
        },
    };

    [Fact]
    public async Task Generate3DModel_ScriptedScene_FilesPassValidatorAndAreResources()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        server.Fake.ChatReplies.Enqueue(FakeChatReply.FromJson(Scene));
        await using var reports = ProgressLog.Attach(server.Client);

        var result = await server.CallAsync("generate_3d_model", new() { ["description"] = "a brass desk lamp", ["detail"] = "high" }, ct, reports);

        var value = ImageServer.Structured(result);
        var files = value.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("format").GetString()!, f => f.GetProperty("path").GetString()!);
        Assert.Equal(["gltf", "glb", "obj", "mtl"], files.Keys);
        Assert.All(files.Values, p => Assert.Equal(server.OutputFolder, Path.GetDirectoryName(p)));
        foreach (var format in (string[])["gltf", "glb"])
        {
            var (issues, messages) = await KhronosValidator.ValidateAsync(files[format], ct);
            Assert.True(issues == 0, messages);
        }
        Assert.Contains($"mtllib {Path.GetFileName(files["mtl"])}", await File.ReadAllTextAsync(files["obj"], ct));
        var counts = value.GetProperty("counts");
        Assert.Equal(7, counts.GetProperty("nodes").GetInt32());
        Assert.True(counts.GetProperty("triangles").GetInt32() > 1000);
        Assert.StartsWith("Lamp: A desk lamp", value.GetProperty("preview").GetString());
        Assert.True(File.Exists(value.GetProperty("metadata_path").GetString()));
        Assert.Empty(Directory.GetFiles(server.OutputFolder, "*.tmp"));

        var sent = Assert.Single(server.Fake.ChatRequests);
        Assert.Equal("json_schema", sent.ResponseFormatType);
        Assert.Equal("a brass desk lamp", sent.LastUserText);

        var links = result.Content.OfType<ResourceLinkBlock>().ToList();
        Assert.Equal(4, links.Count);
        var glbLink = links.Single(l => l.Uri.EndsWith(".glb", StringComparison.Ordinal));
        Assert.Equal("model/gltf-binary", glbLink.MimeType);
        var read = await server.Client.ReadResourceAsync(glbLink.Uri, cancellationToken: ct);
        var blob = Assert.IsType<BlobResourceContents>(Assert.Single(read.Contents));
        Assert.Equal(await File.ReadAllBytesAsync(files["glb"], ct), blob.DecodedData.ToArray());
        var listed = await server.Client.ListResourcesAsync(cancellationToken: ct);
        Assert.Contains(listed, r => r.Uri == glbLink.Uri);
        await reports.WaitForAsync(m => m.Contains(files["glb"]), ct);
    }

    [Theory]
    [InlineData("""{"description":""}""", "description")]
    [InlineData("""{"description":"a lamp","detail":"ultra"}""", "detail")]
    [InlineData("""{"description":"a lamp","formats":["fbx"]}""", "formats")]
    public async Task Generate3DModel_InvalidArgument_ErrorNamesItAndNoRequestIsMade(string json, string argument)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        server.Fake.ClearRequests();

        var result = await server.CallAsync("generate_3d_model", JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!, ct);

        Assert.True(result.IsError, ImageServer.Text(result));
        Assert.Contains(argument, ImageServer.Text(result));
        Assert.Equal(0, server.Fake.RequestCount());
        Assert.False(Directory.Exists(server.OutputFolder) && Directory.EnumerateFiles(server.OutputFolder).Any());
    }

    private static object Node(string name, string shape, int? material, double[] translation, double[] scale, double[]? euler) => new
    {
        name, shape, material, translation, rotation = (double[]?)null, rotation_euler_degrees = euler, scale, mesh = (object?)null,
    };
}
