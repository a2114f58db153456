using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Server.Tests.OpenAI.Images;

/// <summary>create_variations on both paths and batch_generate_images with a failing item.</summary>
public sealed class VariationAndBatchTests
{
    [Fact]
    public async Task CreateVariations_DallE2Served_UsesTheVariationsEndpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        var source = server.Folder.Combine("square.png");
        await File.WriteAllBytesAsync(source, FakeImages.Create("sq", 256, 256), ct);

        var result = ImageServer.Structured(await server.CallAsync("create_variations", new() { ["image"] = source, ["n"] = 2, ["size"] = "256x256" }, ct));

        Assert.Equal("variations_endpoint", result.GetProperty("api").GetString());
        Assert.Equal(2, result.GetProperty("images").GetArrayLength());
        Assert.Equal(1, server.Fake.RequestCount("images/variations"));
    }

    [Fact]
    public async Task CreateVariations_DallE2NotServed_FallsBackToAnEdit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        server.Fake.StopServingModel("dall-e-2");
        var source = server.Folder.Combine("square.png");
        await File.WriteAllBytesAsync(source, FakeImages.Create("sq", 256, 256), ct);

        var result = ImageServer.Structured(await server.CallAsync("create_variations", new() { ["image"] = source, ["n"] = 2 }, ct));

        Assert.Equal("edit_variation", result.GetProperty("api").GetString());
        Assert.Equal(2, result.GetProperty("images").GetArrayLength());
        Assert.Equal(0, server.Fake.RequestCount("images/variations"));
        Assert.Equal(1, server.Fake.RequestCount("images/edits"));
    }

    [Fact]
    public async Task BatchGenerateImages_OneItemFails_OthersAreSavedAndReported()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        await using var reports = ProgressLog.Attach(server.Client);

        var result = ImageServer.Structured(await server.CallAsync("batch_generate_images", new()
        {
            ["prompts"] = new[] { "a red fox", "a forbidden thing", "a blue whale" },
            ["variants"] = new[] { new Dictionary<string, object?> { ["model"] = "dall-e-2", ["size"] = "256x256" } },
        }, ct, reports));

        Assert.Equal(3, result.GetProperty("total").GetInt32());
        Assert.Equal(2, result.GetProperty("succeeded").GetInt32());
        var items = result.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal("error", items[1].GetProperty("status").GetString());
        Assert.Equal("content_policy_violation", items[1].GetProperty("error_code").GetString());
        Assert.All([items[0], items[2]], i => Assert.True(File.Exists(i.GetProperty("images")[0].GetProperty("path").GetString())));
        await reports.WaitForCountAsync(3, ct);
        Assert.Equal(3, reports.Count);
        Assert.Equal(2, Directory.GetFiles(server.OutputFolder, "openai-image-*.png").Length);
    }
}
