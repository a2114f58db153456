using McpOpenAI.Plugins.Operations.Caching;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Tests.Operations;

public sealed class CacheEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task Chat_RepeatedDeterministicRequest_MakesNoSecondUpstreamRequest()
    {
        await using var ops = await OpsServer.StartAsync(Ct);
        var first = await ops.ResultAsync("chat", new { prompt = "Name a colour.", temperature = 0 }, Ct);
        var second = await ops.ResultAsync("chat", new { prompt = "Name a colour.", temperature = 0 }, Ct);
        await ops.ResultAsync("chat", new { prompt = "Name a colour.", seed = 7 }, Ct);
        await ops.ResultAsync("chat", new { prompt = "Name a colour.", seed = 7 }, Ct);

        Assert.Equal(2, ops.Fake.RequestCount("chat/completions"));
        Assert.Equal(first.GetProperty("text").GetString(), second.GetProperty("text").GetString());
        var stats = await ops.ResultAsync("cache_stats", new { }, Ct);
        Assert.Equal(2, stats.GetProperty("by_kind").GetProperty("chat").GetProperty("hits").GetInt64());
        Assert.Equal(2, stats.GetProperty("by_kind").GetProperty("chat").GetProperty("entries").GetInt64());
    }

    [Fact(Timeout = 120_000)]
    public async Task Chat_RequestDifferingInAnyParameter_IsNotServedFromTheCache()
    {
        await using var ops = await OpsServer.StartAsync(Ct);
        var png = Convert.ToBase64String(FakeImages.Create("a", 8, 8));
        var other = FakeImages.Create("a", 8, 8);
        other[^20] ^= 0x01;
        object[] requests =
        [
            new { prompt = "Hi", temperature = 0 },
            new { prompt = "Hi", temperature = 0, model = "gpt-4o-mini" },
            new { prompt = "Hi", temperature = 0, max_tokens = 50 },
            new { prompt = "Hi", seed = 1 },
            new { prompt = "Hi!", temperature = 0 },
            new { prompt = "Hi", temperature = 0, system = "Be brief." },
            new { prompt = "Hi", temperature = 0, images = new[] { "data:image/png;base64," + png } },
            new { prompt = "Hi", temperature = 0, images = new[] { "data:image/png;base64," + Convert.ToBase64String(other) } },
        ];
        foreach (var request in requests)
            await ops.ResultAsync("chat", request, Ct);

        Assert.Equal(requests.Length, ops.Fake.RequestCount("chat/completions"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Chat_NonDeterministicRequest_IsNeverCached()
    {
        await using var ops = await OpsServer.StartAsync(Ct);
        for (var i = 0; i < 3; i++)
        {
            await ops.ResultAsync("chat", new { prompt = "Tell me a joke." }, Ct);
            await ops.ResultAsync("chat", new { prompt = "Tell me a joke.", temperature = 0.7 }, Ct);
        }

        Assert.Equal(6, ops.Fake.RequestCount("chat/completions"));
        var stats = await ops.ResultAsync("cache_stats", new { }, Ct);
        Assert.Equal(0, stats.GetProperty("by_kind").GetProperty("chat").GetProperty("entries").GetInt64());
    }

    [Fact(Timeout = 120_000)]
    public async Task EmbedAndModerate_Repeated_AreServedFromTheCacheWithTheSameResult()
    {
        await using var ops = await OpsServer.StartAsync(Ct);
        var first = await ops.ResultAsync("embed", new { texts = new[] { "cat", "kitten" } }, Ct);
        var second = await ops.ResultAsync("embed", new { texts = new[] { "cat", "kitten" } }, Ct);
        await ops.ResultAsync("embed", new { texts = new[] { "cat", "kitten" }, dimensions = 256 }, Ct);
        var verdict = await ops.ResultAsync("moderate", new { texts = new[] { "hello" } }, Ct);
        var again = await ops.ResultAsync("moderate", new { texts = new[] { "hello" } }, Ct);

        Assert.Equal(2, ops.Fake.RequestCount("embeddings"));
        Assert.Equal(1, ops.Fake.RequestCount("moderations"));
        Assert.Equal(first.GetProperty("similarity").ToString(), second.GetProperty("similarity").ToString());
        Assert.Equal(first.GetProperty("embeddings").ToString(), second.GetProperty("embeddings").ToString());
        Assert.Equal(verdict.ToString(), again.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task CacheKeys_NeverContainTheApiKey_AndClearCacheEmptiesIt()
    {
        await using var ops = await OpsServer.StartAsync(Ct);
        await ops.ResultAsync("chat", new { prompt = "Hi", temperature = 0 }, Ct);
        await ops.ResultAsync("embed", new { texts = new[] { "cat" } }, Ct);
        await ops.ResultAsync("moderate", new { texts = new[] { "hello" } }, Ct);
        var cache = ops.Server.Services.GetRequiredService<OperationsCache>();

        Assert.Equal(3, cache.Keys.Count);
        Assert.All(cache.Keys, key => Assert.DoesNotContain(ops.Fake.ApiKey, key, StringComparison.Ordinal));
        Assert.All(cache.Keys, key => Assert.DoesNotContain(ops.Fake.ApiKey[^8..], key, StringComparison.Ordinal));
        var cleared = await ops.ResultAsync("clear_cache", new { }, Ct);
        Assert.Equal(3, cleared.GetProperty("removed").GetInt64());
        await ops.ResultAsync("chat", new { prompt = "Hi", temperature = 0 }, Ct);
        Assert.Equal(2, ops.Fake.RequestCount("chat/completions"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Cache_Disabled_SendsEveryRequest()
    {
        await using var ops = await OpsServer.StartAsync(Ct, "--Cache:Enabled=false");
        await ops.ResultAsync("chat", new { prompt = "Hi", temperature = 0 }, Ct);
        await ops.ResultAsync("chat", new { prompt = "Hi", temperature = 0 }, Ct);

        Assert.Equal(2, ops.Fake.RequestCount("chat/completions"));
    }

    [Fact(Timeout = 120_000)]
    public async Task GenerateImage_ReuseOfAnIdenticalGeneration_ReturnsTheSavedFilesAtNoCost()
    {
        await using var ops = await OpsServer.StartAsync(Ct);
        var first = await ops.ResultAsync("generate_image", new { prompt = "a red fox", model = "dall-e-2", size = "256x256" }, Ct);
        var reused = await ops.ResultAsync("generate_image", new { prompt = "a red fox", model = "dall-e-2", size = "256x256", reuse = true }, Ct);
        await ops.ResultAsync("generate_image", new { prompt = "a red fox", model = "dall-e-2", size = "512x512", reuse = true }, Ct);

        Assert.Equal(2, ops.Fake.RequestCount("images/generations"));
        Assert.True(reused.GetProperty("reused").GetBoolean());
        Assert.Equal(0m, reused.GetProperty("cost_estimate_usd").GetDecimal());
        Assert.Equal(first.GetProperty("images")[0].GetProperty("path").GetString(), reused.GetProperty("images")[0].GetProperty("path").GetString());
    }
}
