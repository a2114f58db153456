using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;
using McpOpenAI.Plugins.OpenAI.ThreeD;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

public sealed class ThreeDModelFunctionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("threed-functions-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate3DModel_SceneFromModel_WritesEveryFileAtomicallyWithMetadataAndLinks()
    {
        await using var context = await PluginContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromJson(TestScenes.Everything));
        var store = new ModelStore(new AppPaths(outputFolder: _folder), TimeProvider.System);
        var functions = new ThreeDModelFunctions(context.Factory, new AppPaths(outputFolder: _folder), context.Configuration, store);

        var output = await functions.Generate3DModelAsync("a small table with things on it", detail: "low", cancellationToken: Ct);

        var result = Assert.IsType<ModelResult>(output.Value);
        Assert.Equal(["gltf", "glb", "obj", "mtl"], result.Files.Select(f => f.Format));
        Assert.All(result.Files, f => Assert.Matches(@"^openai-model-\d{8}-\d{6}-[a-f0-9]{10}\.(gltf|glb|obj|mtl)$", Path.GetFileName(f.Path)));
        Assert.All(result.Files, f => Assert.Equal(new FileInfo(f.Path).Length, f.Bytes));
        Assert.Equal(8, result.Counts.Nodes);
        Assert.Equal("low", result.Detail);
        Assert.StartsWith("Test table: A table with a ball", result.Preview);
        Assert.Contains("8 parts (2 cylinders,", result.Preview);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
        var links = output.Contents.OfType<UriContent>().ToList();
        Assert.Equal(result.Files.Select(f => f.Uri), links.Select(l => l.Uri.ToString()));
        Assert.Equal("model/gltf-binary", links[1].MediaType);

        var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(result.MetadataPath, Ct)).RootElement;
        Assert.Equal("a small table with things on it", metadata.GetProperty("description").GetString());
        Assert.Equal(4, metadata.GetProperty("files").GetArrayLength());
        Assert.Equal("Test table", metadata.GetProperty("scene").GetProperty("name").GetString());

        var sent = Assert.Single(context.Server.ChatRequests);
        Assert.Equal("json_schema", sent.ResponseFormatType);
        Assert.True(sent.ResponseFormat!["json_schema"]!["strict"]!.GetValue<bool>());
        Assert.Equal("a small table with things on it", sent.LastUserText);

        var read = await store.ReadAsync(result.Files[1].Uri, Ct);
        Assert.Equal(await File.ReadAllBytesAsync(result.Files[1].Path, Ct), read!.Bytes!.Value.ToArray());
        Assert.Equal(4, (await store.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task Generate3DModel_OnlyGlb_WritesGlbAndMetadata()
    {
        await using var context = await PluginContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromJson(TestScenes.Everything));
        var functions = new ThreeDModelFunctions(context.Factory, new AppPaths(outputFolder: _folder), context.Configuration);

        var output = await functions.Generate3DModelAsync("a table", formats: ["glb"], cancellationToken: Ct);

        Assert.Equal("glb", Assert.Single(((ModelResult)output.Value!).Files).Format);
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public async Task Generate3DModel_RefusedScene_AsksOnceMoreWithWhatToChangeAndSumsUsage()
    {
        await using var context = await PluginContext.StartAsync();
        var refused = TestScenes.SceneJson(TestScenes.NodeJson("box", material: "5"));
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromJson(refused) with { Usage = new FakeUsage(100, 20) });
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromJson(TestScenes.Everything) with { Usage = new FakeUsage(150, 300) });
        var functions = new ThreeDModelFunctions(context.Factory, new AppPaths(outputFolder: _folder), context.Configuration);
        var progress = new Recorder<FunctionProgress>();

        var output = await functions.Generate3DModelAsync("a table", progress: progress, cancellationToken: Ct);

        var result = Assert.IsType<ModelResult>(output.Value);
        Assert.Equal(8, result.Counts.Nodes);
        Assert.Equal(new(250, 320, 570), result.Usage);
        Assert.Equal(2, context.Server.ChatRequests.Count);
        var retry = context.Server.ChatRequests.Last();
        Assert.Equal(["system", "user", "assistant", "user"], retry.Messages.Select(m => m.Role));
        Assert.Equal(refused, retry.Messages[2].Text);
        Assert.Contains("nodes[0].material is 5, but there are 1 materials", retry.LastUserText);
        Assert.Contains("Return the whole scene again", retry.LastUserText);
        Assert.Contains(progress.Reports, r => r.Message!.Contains("nodes[0].material is 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate3DModel_RefusedTwice_UpstreamErrorAndNoFiles()
    {
        await using var context = await PluginContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromJson(new { name = "x", description = "", materials = Array.Empty<object>(), nodes = Array.Empty<object>() }));
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromJson(TestScenes.SceneJson(TestScenes.NodeJson("box", rotation: "[0,0,0,0]"))));
        var functions = new ThreeDModelFunctions(context.Factory, new AppPaths(outputFolder: _folder), context.Configuration);

        var error = await Assert.ThrowsAsync<UnusableSceneException>(() => functions.Generate3DModelAsync("a table", cancellationToken: Ct));

        Assert.Equal(ErrorCodes.UpstreamError, error.Code);
        Assert.Contains("nodes[0].rotation is a zero quaternion", error.Message);
        Assert.Equal(SceneGenerator.MaxAttempts, context.Server.ChatRequests.Count);
        Assert.Contains("no nodes", context.Server.ChatRequests.Last().LastUserText);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Generate3DModel_AnswerCutOff_NotRetried()
    {
        await using var context = await PluginContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromText("""{"name":"x","descr""", finishReason: "length"));
        var functions = new ThreeDModelFunctions(context.Factory, new AppPaths(outputFolder: _folder), context.Configuration);

        var error = await Assert.ThrowsAsync<UnusableSceneException>(() => functions.Generate3DModelAsync("a table", detail: "low", cancellationToken: Ct));

        Assert.Contains("cut off at 4000 tokens", error.Message);
        Assert.Single(context.Server.ChatRequests);
    }

    [Fact]
    public async Task Generate3DModel_InvalidDetail_NoRequest()
    {
        await using var context = await PluginContext.StartAsync();
        var functions = new ThreeDModelFunctions(context.Factory, new AppPaths(outputFolder: _folder), context.Configuration);

        var error = await Assert.ThrowsAsync<FunctionException>(() => functions.Generate3DModelAsync("a table", detail: "extreme", cancellationToken: Ct));

        Assert.Contains("'detail'", error.Message);
        Assert.Equal(0, context.Server.RequestCount());
    }

    [Fact]
    public void Plugin_Generate3DModel_ExposedWithItsToolNameAndParameters()
    {
        var plugin = PluginFactory.Create(new ThreeDModelFunctions(new McpOpenAI.Kernel.OpenAI.OpenAIClientFactory(new TestOptionsMonitor<McpOpenAI.Kernel.Configuration.OpenAIOptions>(new())),
            new AppPaths(outputFolder: _folder), new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()), "OpenAI");

        var function = Assert.Single(plugin);
        Assert.Equal("generate_3d_model", function.Name);
        var properties = ToolSchema.Of(function).InputSchema.GetProperty("properties");
        Assert.True(properties.TryGetProperty("description", out _));
        Assert.True(properties.TryGetProperty("detail", out _));
        Assert.True(properties.TryGetProperty("formats", out _));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
