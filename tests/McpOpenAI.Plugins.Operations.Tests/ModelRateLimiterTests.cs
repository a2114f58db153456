using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Operations.Limits;

namespace McpOpenAI.Plugins.Operations.Tests;

public sealed class ModelRateLimiterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ModelRateLimiter Limiter(double maxWait, params (string Model, ModelLimit Limit)[] limits)
    {
        var options = new RateLimitOptions { MaxWaitSeconds = maxWait };
        foreach (var (model, limit) in limits) options.Models[model] = limit;
        return new ModelRateLimiter(new TestOptions<RateLimitOptions>(options));
    }

    [Fact]
    public void Headers_LowerThanTheConfiguredLimit_TightenIt()
    {
        using var limiter = Limiter(10, ("gpt-4o", new ModelLimit(100, 50_000)));
        limiter.Observe("gpt-4o", new RateLimitHeaders(20, 80_000, 19, 79_000, null, null));

        Assert.Equal(new ModelLimit(20, 50_000), limiter.EffectiveLimit("gpt-4o"));
    }

    [Fact]
    public void Headers_HigherThanTheConfiguredLimit_NeverRaiseIt()
    {
        using var limiter = Limiter(10, ("gpt-4o", new ModelLimit(100, 50_000)));
        limiter.Observe("gpt-4o", new RateLimitHeaders(20, null, 19, null, null, null));
        limiter.Observe("gpt-4o", new RateLimitHeaders(10_000, 2_000_000, 9_999, 1_999_000, null, null));

        Assert.Equal(new ModelLimit(100, 50_000), limiter.EffectiveLimit("gpt-4o"));
    }

    [Fact]
    public void Headers_OfAnUnconfiguredModel_AreItsLimit()
    {
        using var limiter = Limiter(10);
        Assert.Null(limiter.EffectiveLimit("gpt-4o-mini"));
        limiter.Observe("gpt-4o-mini", new RateLimitHeaders(500, 200_000, 499, 199_000, null, null));

        Assert.Equal(new ModelLimit(500, 200_000), limiter.EffectiveLimit("gpt-4o-mini"));
    }

    [Fact]
    public async Task Acquire_OverTheLimit_WaitsAndReportsTheWait()
    {
        using var limiter = Limiter(10, ("m", new ModelLimit(RequestsPerMinute: 60)));
        TimeSpan? reported = null;
        await limiter.AcquireAsync("m", 0, w => reported = w, Ct);
        Assert.Null(reported);
        var started = DateTime.UtcNow;
        await limiter.AcquireAsync("m", 0, w => reported = w, Ct);

        Assert.NotNull(reported);
        Assert.InRange(reported.Value.TotalSeconds, 0.5, 1.01);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Acquire_WaitOverMaxWait_IsRefusedWithTheWait()
    {
        using var limiter = Limiter(1, ("m", new ModelLimit(RequestsPerMinute: 3)));
        await limiter.AcquireAsync("m", 0, null, Ct);
        var error = await Assert.ThrowsAsync<FunctionException>(() => limiter.AcquireAsync("m", 0, null, Ct));

        Assert.Equal(ErrorCodes.RateLimited, error.Code);
        Assert.Contains("wait 20 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("OpenAI:Limits:MaxWaitSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_TokensOverTheMinute_AreRefused()
    {
        using var limiter = Limiter(1, ("m", new ModelLimit(TokensPerMinute: 1_000)));
        await limiter.AcquireAsync("m", 900, null, Ct);
        var error = await Assert.ThrowsAsync<FunctionException>(() => limiter.AcquireAsync("m", 900, null, Ct));

        Assert.Contains("1000 tokens a minute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_NoneRemainingUntilAReset_WaitsForTheReset()
    {
        using var limiter = Limiter(0.1);
        limiter.Observe("m", new RateLimitHeaders(null, null, 0, null, TimeSpan.FromSeconds(12), null));
        var error = await Assert.ThrowsAsync<FunctionException>(() => limiter.AcquireAsync("m", 0, null, Ct));

        Assert.Contains("wait 12 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1s", 1000)]
    [InlineData("6m0s", 360_000)]
    [InlineData("20ms", 20)]
    [InlineData("17.28s", 17_280)]
    [InlineData("1h2m3s", 3_723_000)]
    public void ParseDuration_ReadsOpenAIsResetFormat(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RateLimitHeaders.ParseDuration(text));

    [Fact]
    public void ParseDuration_NotADuration_IsNull() => Assert.Null(RateLimitHeaders.ParseDuration("soon"));
}
