using System.Collections.Concurrent;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Server.Tests.Operations;

/// <summary>The budget guard, the per-model rate limits and the moderation pre-check, through the server.</summary>
public sealed class GuardsEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task Budget_Spent_RefusesPaidCallsWithNoRequest_AndFreeCallsStillWork()
    {
        await using var ops = await OpsServer.StartAsync(Ct, "--Budget:DailyUsd=0");
        var chat = await ops.CallAsync("chat", new { prompt = "Hi" }, Ct);
        var image = await ops.CallAsync("generate_image", new { prompt = "a fox", model = "dall-e-2" }, Ct);
        var embed = await ops.CallAsync("embed", new { texts = new[] { "cat" } }, Ct);

        foreach (var refused in new[] { chat, image, embed })
        {
            Assert.True(refused.IsError);
            Assert.Contains("budget_exceeded", OpsServer.Text(refused), StringComparison.Ordinal);
            Assert.Contains("$0.00", OpsServer.Text(refused), StringComparison.Ordinal);
            Assert.Contains("resets at", OpsServer.Text(refused), StringComparison.Ordinal);
        }
        Assert.Equal(0, ops.Fake.RequestCount("chat/completions") + ops.Fake.RequestCount("images/generations") + ops.Fake.RequestCount("embeddings"));
        await ops.ResultAsync("moderate", new { texts = new[] { "hello" } }, Ct);
        await ops.ResultAsync("list_models", new { refresh = true }, Ct);
        Assert.Equal(1, ops.Fake.RequestCount("moderations"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Budget_ReachedAfterACall_RefusesTheNext()
    {
        await using var ops = await OpsServer.StartAsync(Ct, "--Budget:MonthlyUsd=0.000001");
        await ops.ResultAsync("chat", new { prompt = "Hi there" }, Ct);
        var refused = await ops.CallAsync("chat", new { prompt = "Hi again" }, Ct);

        Assert.True(refused.IsError);
        Assert.Contains("monthly budget", OpsServer.Text(refused), StringComparison.Ordinal);
        Assert.Equal(1, ops.Fake.RequestCount("chat/completions"));
    }

    [Fact(Timeout = 120_000)]
    public async Task RateLimit_OverTheLimit_WaitsItsTurnAndSaysSo()
    {
        await using var ops = await OpsServer.StartAsync(Ct, "--OpenAI:Limits:gpt-4.1-mini:RequestsPerMinute=60", "--OpenAI:Limits:MaxWaitSeconds=10");
        await ops.ResultAsync("chat", new { prompt = "one" }, Ct);
        var progress = new ConcurrentQueue<string>();
        var result = await ops.CallAsync("chat", new { prompt = "two" }, Ct, progress);

        Assert.True(result.IsError != true, OpsServer.Text(result));
        Assert.Contains("waiting 1 s for the gpt-4.1-mini rate limit", progress);
        Assert.Equal(2, ops.Fake.RequestCount("chat/completions"));
    }

    [Fact(Timeout = 120_000)]
    public async Task RateLimit_WaitLongerThanMaxWait_IsRefusedWithNoRequest()
    {
        await using var ops = await OpsServer.StartAsync(Ct, "--OpenAI:Limits:gpt-image-1:RequestsPerMinute=2", "--OpenAI:Limits:MaxWaitSeconds=5");
        await ops.ResultAsync("generate_image", new { prompt = "a fox" }, Ct);
        var refused = await ops.CallAsync("generate_image", new { prompt = "a hen" }, Ct);

        Assert.True(refused.IsError);
        Assert.Contains("rate_limited", OpsServer.Text(refused), StringComparison.Ordinal);
        Assert.Contains("gpt-image-1 rate limit (2 requests a minute)", OpsServer.Text(refused), StringComparison.Ordinal);
        Assert.Contains("wait 30 s", OpsServer.Text(refused), StringComparison.Ordinal);
        Assert.Equal(1, ops.Fake.RequestCount("responses"));
    }

    [Fact(Timeout = 120_000)]
    public async Task RateLimit_HeadersAreTheLimitOfAnUnconfiguredModel()
    {
        await using var ops = await OpsServer.StartAsync(Ct, "--OpenAI:Limits:MaxWaitSeconds=5");
        ops.Fake.RateLimits = new FakeRateLimits(LimitRequests: 500, RemainingRequests: 0, ResetRequests: "40s");
        await ops.ResultAsync("embed", new { texts = new[] { "cat" } }, Ct);
        var refused = await ops.CallAsync("embed", new { texts = new[] { "dog" } }, Ct);

        Assert.True(refused.IsError);
        Assert.Contains("text-embedding-3-small rate limit", OpsServer.Text(refused), StringComparison.Ordinal);
        Assert.Equal(1, ops.Fake.RequestCount("embeddings"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Precheck_FlaggedPrompt_IsRefusedWithItsCategoriesAndNoPaidRequest()
    {
        await using var ops = await OpsServer.StartAsync(Ct, "--Safety:PrecheckPrompts=true");
        var chat = await ops.CallAsync("chat", new { prompt = $"Something {ops.Fake.FlagWord} here" }, Ct);
        var image = await ops.CallAsync("generate_image", new { prompt = $"A {ops.Fake.FlagWord} scene" }, Ct);
        var dalle = await ops.CallAsync("generate_image", new { prompt = $"A {ops.Fake.FlagWord} scene", model = "dall-e-3" }, Ct);
        await ops.ResultAsync("chat", new { prompt = "Something harmless" }, Ct);

        foreach (var refused in new[] { chat, image, dalle })
        {
            Assert.True(refused.IsError);
            Assert.Contains("content_flagged", OpsServer.Text(refused), StringComparison.Ordinal);
            Assert.Contains("violence", OpsServer.Text(refused), StringComparison.Ordinal);
        }
        Assert.Equal(1, ops.Fake.RequestCount("chat/completions"));
        Assert.Equal(0, ops.Fake.RequestCount("responses") + ops.Fake.RequestCount("images/generations"));
    }
}
