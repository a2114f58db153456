using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;

namespace McpOpenAI.Plugins.OpenAI.Tests.Chat;

public sealed class ModerationFunctionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Moderate_TextsAndImage_VerdictPerInput()
    {
        await using var context = await PluginContext.StartAsync();

        var result = await context.Moderation.Moderate(texts: ["a kind word", "something forbidden"], images: [TestImages.PngDataUri], cancellationToken: Ct);

        Assert.True(result.Flagged);
        Assert.Equal("omni-moderation-latest", result.Model);
        Assert.Equal(["text", "text", "image"], result.Results.Select(r => r.Kind));
        Assert.False(result.Results[0].Flagged);
        Assert.True(result.Results[1].Flagged);
        Assert.Equal(["violence"], result.Results[1].Categories);
        Assert.True(result.Results[1].Scores["violence"] > 0.9);
        Assert.Equal(2, context.Server.RequestCount("moderations"));
    }

    [Theory]
    [InlineData(new string[0], null, "texts")]
    [InlineData(new[] { " " }, null, "texts[0]")]
    [InlineData(new[] { "x" }, "text-moderation-latest", "model")]
    public async Task Moderate_Invalid_NamedAndNoRequest(string[] texts, string? model, string argument)
    {
        await using var context = await PluginContext.StartAsync();
        string[]? images = model is null ? null : ["https://example.com/a.png"];

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Moderation.Moderate(texts, images, model, Ct));

        Assert.Contains($"'{argument}'", error.Message);
        Assert.Equal(0, context.Server.RequestCount());
    }
}
