using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Utility;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Plugins;

/// <summary>Smoke test: the plugin can be created and imported, and its functions work when called directly.</summary>
public sealed class UtilityPluginTests
{
    [Fact]
    public async Task GetCurrentTime_TimeZone_ReturnsLocalAndUtc()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var function = PluginFactory.Create(new UtilityPlugin(clock))["get_current_time"];

        var now = (await function.InvokeAsync(new Microsoft.SemanticKernel.Kernel(), ToolSchema.Of(function).ToArguments([new("time_zone", "Asia/Tokyo")]), ct)).GetValue<CurrentTime>()!;

        Assert.Equal("2026-11-21T12:00:00.0000000+00:00", now.Utc);
        Assert.Equal("2026-11-21T21:00:00.0000000+09:00", now.Local);
        Assert.Equal("Saturday", now.DayOfWeek);
    }

    [Fact]
    public async Task GetCurrentTime_UnknownZone_InvalidArgumentWithExample()
    {
        var ct = TestContext.Current.CancellationToken;
        var function = PluginFactory.Create(new UtilityPlugin())["get_current_time"];

        var error = await Assert.ThrowsAsync<FunctionException>(() => function.InvokeAsync(new Microsoft.SemanticKernel.Kernel(), new KernelArguments { ["timeZone"] = "Nowhere/Land" }, ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains(error.Suggestions, s => s.Contains("Europe/Paris", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", 0, 0, 0)]
    [InlineData("One. Two!\nThree?", 3, 2, 3)]
    [InlineData("no punctuation here", 3, 1, 1)]
    public void TextStats_CountsWordsLinesSentences(string text, int words, int lines, int sentences)
    {
        var stats = new UtilityPlugin().TextStats(text);

        Assert.Equal(words, stats.Words);
        Assert.Equal(lines, stats.Lines);
        Assert.Equal(sentences, stats.Sentences);
        Assert.Equal(text.Length, stats.Characters);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
