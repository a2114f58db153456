using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using McpOpenAI.Server.Security;
using McpOpenAI.Server.Tests.Infrastructure;

namespace McpOpenAI.Server.Tests.Http;

/// <summary>The Prometheus scrape at /metrics over HTTP: the tool-call counters after calls, and the same authentication as MCP.</summary>
[Collection(SharedMeterCollection.Name)]
public sealed partial class MetricsEndpointTests
{
    private const string Token = "metrics-test-token";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_AfterToolCalls_CountThemByToolAndOutcome()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        var client = await server.ConnectAsync(cancellationToken: Ct);
        var metrics = new Uri(server.Endpoint, "/metrics");
        // Other tests in this process share the meter's name, so the figures are read as growth, not as totals.
        var before = await ReadAsync(server.Http, metrics, "ok");
        var failedBefore = await ReadAsync(server.Http, metrics, "error");

        for (var i = 0; i < 3; i++)
            await client.CallToolAsync("text_stats", new Dictionary<string, object?> { ["text"] = "one two" }, cancellationToken: Ct);
        var failed = await client.CallToolAsync("text_stats", new Dictionary<string, object?> { ["text"] = 42 }, cancellationToken: Ct);
        Assert.True(failed.IsError);

        // The exporter may answer from its scrape cache for a moment.
        await Eventually.WaitAsync(() => ReadAsync(server.Http, metrics, "ok").GetAwaiter().GetResult() >= before + 3, Ct, TimeSpan.FromSeconds(10));
        Assert.True(await ReadAsync(server.Http, metrics, "error") >= failedBefore + 1);
        var text = await server.Http.GetStringAsync(metrics, Ct);
        Assert.Contains("mcpopenai_tool_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE mcpopenai_tool_calls_total counter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithTokensConfigured_NeedAToken()
    {
        await using var server = await HttpTestServer.StartAsync(
            ["--Http:Tokens:0:Name=ops", $"--Http:Tokens:0:Sha256={TokenHasher.Hash(Token)}"], cancellationToken: Ct);
        var metrics = new Uri(server.Endpoint, "/metrics");

        using var anonymous = await server.Http.GetAsync(metrics, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, metrics) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
        using var authorized = await server.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.StartsWith("text/plain", authorized.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    // The text_stats counter with that outcome, or 0 before the first such call.
    private static async Task<double> ReadAsync(HttpClient http, Uri metrics, string outcome)
    {
        var text = await http.GetStringAsync(metrics, Ct);
        return CounterLine().Matches(text)
            .Where(m => m.Groups["labels"].Value.Contains("tool=\"text_stats\"", StringComparison.Ordinal)
                && m.Groups["labels"].Value.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^mcpopenai_tool_calls_total\{(?<labels>[^}]*)\} (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex CounterLine();
}
