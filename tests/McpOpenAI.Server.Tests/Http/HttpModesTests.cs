using System.Net;
using McpOpenAI.Kernel.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Tests.Http;

public sealed class HttpModesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stateless_ClientCallsTool_WithoutSession()
    {
        await using var server = await HttpTestServer.StartAsync(["--Http:Stateless=true"], cancellationToken: Ct);
        var client = await server.ConnectAsync(cancellationToken: Ct);

        var result = await client.CallToolAsync("text_stats", new Dictionary<string, object?> { ["text"] = "a b" }, cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        Assert.Null(client.SessionId);
    }

    [Fact]
    public async Task Stateless_ListWithoutInitialize_Answers()
    {
        await using var server = await HttpTestServer.StartAsync(["--Http:Stateless=true"], cancellationToken: Ct);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text_stats", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Stateless_ManyRequests_ConfigureTheServerOptionsOnce()
    {
        var configured = 0;
        await using var server = await HttpTestServer.StartAsync(["--Http:Stateless=true"],
            s => s.Configure<McpServerOptions>(_ => Interlocked.Increment(ref configured)), Ct);

        for (var i = 0; i < 3; i++)
        {
            using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, Volatile.Read(ref configured));
    }

    [Fact]
    public async Task Sessions_OverTheCap_LongestIdleIsClosed()
    {
        await using var server = await HttpTestServer.StartAsync(["--Http:MaxSessions=1"], cancellationToken: Ct);
        var first = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);
        var second = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);

        using var toFirst = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools, sessionId: first), Ct);
        using var toSecond = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools, sessionId: second), Ct);

        Assert.Equal(HttpStatusCode.NotFound, toFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, toSecond.StatusCode);
    }

    [Fact]
    public async Task Stop_WhileACallRuns_TheCallFinishes()
    {
        SlowPlugin.Reset();
        await using var server = await HttpTestServer.StartAsync(configureServices: s => s.AddPlugin<SlowPlugin>("Slow"), cancellationToken: Ct);
        var client = await server.ConnectAsync(cancellationToken: Ct);
        var call = client.CallToolAsync("pause", new Dictionary<string, object?> { ["milliseconds"] = 500 }, cancellationToken: Ct).AsTask();
        await SlowPlugin.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await server.StopAsync();
        var result = await call;

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("waited 500 ms", Assert.IsType<TextContentBlock>(result.Content[0]).Text);
    }

    [Fact]
    public async Task Start_NonLoopbackWithoutTokens_RefusesAndSaysWhy()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HttpTestServer.StartAsync(["--Http:Url=http://0.0.0.0:0/mcp"], cancellationToken: Ct));

        Assert.Contains("Http:Tokens", error.Message);
        Assert.Contains("--allow-unauthenticated", error.Message);
    }
}
