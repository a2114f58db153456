using System.Net;
using ModelContextProtocol.Client;

namespace McpOpenAI.Server.Tests.Http;

public sealed class HttpEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Client_OverHttp_ListsAndCallsTools()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        var client = await server.ConnectAsync(cancellationToken: Ct);

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var result = await client.CallToolAsync("text_stats", new Dictionary<string, object?> { ["text"] = "one two three" }, cancellationToken: Ct);

        Assert.Contains(tools, t => t.Name == "get_current_time");
        Assert.NotEqual(true, result.IsError);
        Assert.NotNull(client.SessionId);
    }

    [Fact]
    public async Task Ping_OverHttp_Answers()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        var client = await server.ConnectAsync(cancellationToken: Ct);

        await client.PingAsync(cancellationToken: Ct);
    }

    [Fact]
    public async Task Post_AcceptWithoutEventStream_Returns406()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.Initialize, accept: "application/json"), Ct);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Post_RequestWithoutSession_Returns400()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("initialize", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Post_UnknownSession_Returns404()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools, sessionId: "no-such-session"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_NotJsonRpc_Returns400()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, "not json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnsupportedProtocolVersion_Returns400()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        using var request = RawMcp.Post(server.Endpoint, RawMcp.Initialize);
        request.Headers.Add("MCP-Protocol-Version", "1999-01-01");

        using var response = await server.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-03-26")]
    public async Task Post_EarlierHandshakeRevisionHeader_IsServed(string version)
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        var session = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);
        using var request = RawMcp.Post(server.Endpoint, RawMcp.ListTools, sessionId: session);
        request.Headers.Add("MCP-Protocol-Version", version);

        using var response = await server.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example.com", null)]
    [InlineData(null, "http://evil.example.com")]
    public async Task Post_ForeignHostOrOrigin_Returns403(string? host, string? origin)
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        using var request = RawMcp.Post(server.Endpoint, RawMcp.Initialize);
        if (host is not null) request.Headers.Host = host;
        if (origin is not null) request.Headers.Add("Origin", origin);

        using var response = await server.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_LoopbackHostAndOrigin_Accepted()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        using var request = RawMcp.Post(server.Endpoint, RawMcp.Initialize);
        request.Headers.Host = $"localhost:{server.Endpoint.Port}";
        request.Headers.Add("Origin", "http://localhost:6274");

        using var response = await server.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Delete_Session_LaterRequestsReturn404()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        var session = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, server.Endpoint);
        delete.Headers.Add("Mcp-Session-Id", session);

        using var deleted = await server.Http.SendAsync(delete, Ct);
        using var after = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools, sessionId: session), Ct);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Get_WithoutSession_Returns400()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Endpoint);
        request.Headers.Add("Accept", "text/event-stream");

        using var response = await server.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Request_OtherPath_Returns404()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);

        using var response = await server.Http.SendAsync(RawMcp.Post(new Uri(server.Endpoint, "/other"), RawMcp.Initialize), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
