using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;

namespace McpOpenAI.Plugins.OpenAI.Tests.Configuration;

public sealed class ModelsFunctionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListModels_Twice_GroupedDefaultsMarkedAndCached()
    {
        await using var context = await PluginContext.StartAsync();

        var first = await context.Models.ListModels(cancellationToken: Ct);
        var second = await context.Models.ListModels(cancellationToken: Ct);

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.Equal(1, context.Server.RequestCount("models"));
        Assert.Equal(["chat", "image", "embedding", "moderation", "audio"], first.Groups.Keys);
        var chatDefault = Assert.Single(first.Groups["chat"], m => m.Id == "gpt-4.1-mini");
        Assert.Equal(["chat", "vision"], chatDefault.Default);
        Assert.Empty(first.MissingDefaults);
        Assert.Equal(context.Server.BaseUrl, first.Endpoint);
    }

    [Fact]
    public async Task ListModels_RefreshAndFilter_FreshListOfOneGroup()
    {
        await using var context = await PluginContext.StartAsync();
        await context.Models.ListModels(cancellationToken: Ct);
        context.Server.StopServingModel("gpt-image-1");

        var result = await context.Models.ListModels("image", refresh: true, Ct);

        Assert.Equal(["image"], result.Groups.Keys);
        Assert.DoesNotContain(result.Groups["image"], m => m.Id == "gpt-image-1");
        Assert.Contains("image: gpt-image-1", result.MissingDefaults);
        Assert.Equal(2, context.Server.RequestCount("models"));
    }

    [Fact]
    public async Task ListModels_UnknownCapability_InvalidArgument()
    {
        await using var context = await PluginContext.StartAsync();

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Models.ListModels("video", cancellationToken: Ct));

        Assert.Contains("'capability'", error.Message);
        Assert.Equal(0, context.Server.RequestCount());
    }
}
