using System.Text.Json;

namespace McpOpenAI.Server.Tests.Operations;

public sealed class UsageEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task GetUsage_AddsUpToWhatTheFakeServed()
    {
        await using var ops = await OpsServer.StartAsync(Ct);
        var chat = await ops.ResultAsync("chat", new { prompt = "Count to five please" }, Ct);
        var embed = await ops.ResultAsync("embed", new { texts = new[] { "one two", "three" } }, Ct);
        var image = await ops.ResultAsync("generate_image", new { prompt = "a small red fox", model = "dall-e-2", size = "512x512", n = 2 }, Ct);
        var gpt = await ops.ResultAsync("generate_image", new { prompt = "a blue hen", quality = "low" }, Ct);
        await ops.ResultAsync("moderate", new { texts = new[] { "hello" } }, Ct);

        var usage = await ops.ResultAsync("get_usage", new { }, Ct);
        var byModel = usage.GetProperty("by_model");
        var chatUsage = chat.GetProperty("usage");
        var byTool = usage.GetProperty("by_tool");
        Assert.Equal(chatUsage.GetProperty("input_tokens").GetInt64(), byTool.GetProperty("chat").GetProperty("input_tokens").GetInt64());
        Assert.Equal(chatUsage.GetProperty("output_tokens").GetInt64(), byTool.GetProperty("chat").GetProperty("output_tokens").GetInt64());
        Assert.Equal(gpt.GetProperty("usage").GetProperty("input_tokens").GetInt64(), byTool.GetProperty("generate_image").GetProperty("input_tokens").GetInt64());
        Assert.Equal(0, usage.GetProperty("totals").GetProperty("failed").GetInt64());
        Assert.Equal(embed.GetProperty("input_tokens").GetInt64(), byModel.GetProperty("text-embedding-3-small").GetProperty("input_tokens").GetInt64());
        Assert.Equal(2, byModel.GetProperty("dall-e-2").GetProperty("images").GetInt64());
        Assert.Equal(0.036m, byModel.GetProperty("dall-e-2").GetProperty("cost_usd").GetDecimal());
        Assert.Equal(1, byModel.GetProperty("gpt-image-1").GetProperty("images").GetInt64());
        Assert.Equal(0.011m, byModel.GetProperty("gpt-image-1").GetProperty("cost_usd").GetDecimal());
        Assert.Equal(0m, byModel.GetProperty("omni-moderation-latest").GetProperty("cost_usd").GetDecimal());
        Assert.Equal(5, usage.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(ops.Fake.RequestCount(), usage.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(5, usage.GetProperty("by_tool").EnumerateObject().Sum(t => t.Value.GetProperty("requests").GetInt64()));
        Assert.Equal(1, usage.GetProperty("by_tool").GetProperty("chat").GetProperty("requests").GetInt64());
        Assert.Equal(2, usage.GetProperty("by_tool").GetProperty("generate_image").GetProperty("requests").GetInt64());
        var chatCost = (chatUsage.GetProperty("input_tokens").GetInt64() * 0.40m + chatUsage.GetProperty("output_tokens").GetInt64() * 1.60m) / 1_000_000m;
        Assert.Equal(Math.Round(chatCost, 6), usage.GetProperty("by_tool").GetProperty("chat").GetProperty("cost_usd").GetDecimal());
        Assert.True(usage.GetProperty("totals").GetProperty("cost_usd").GetDecimal() > 0.047m);
    }

    [Fact(Timeout = 120_000)]
    public async Task UsageResource_ReadsTheSameReport()
    {
        await using var ops = await OpsServer.StartAsync(Ct);
        await ops.ResultAsync("chat", new { prompt = "Hello" }, Ct);
        var resource = await ops.Server.Client.ReadResourceAsync("usage://today", cancellationToken: Ct);
        var text = Assert.IsType<ModelContextProtocol.Protocol.TextResourceContents>(resource.Contents[0]).Text;
        using var report = JsonDocument.Parse(text);
        Assert.Equal(1, report.RootElement.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(1, report.RootElement.GetProperty("by_tool").GetProperty("chat").GetProperty("requests").GetInt64());
    }
}
