using System.Net;
using System.Text;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Server.Hosting;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.Sse;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Tests.Http;

public sealed class HttpFaultTests
{
    private const string CallGated =
        """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"gated_steps","arguments":{},"_meta":{"progressToken":"p"}}}""";

    private static readonly string Big =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"padding":"PAD"}}""".Replace("PAD", new string('x', 4096), StringComparison.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413SayingTheLimit()
    {
        await using var server = await HttpTestServer.StartAsync(["--Http:MaxRequestBodySize=1024"], cancellationToken: Ct);

        using var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, Big), Ct);
        var session = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Http:MaxRequestBodySize", await RawMcp.ErrorMessageAsync(response, Ct));
        Assert.NotEmpty(session);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Returns413()
    {
        await using var server = await HttpTestServer.StartAsync(["--Http:MaxRequestBodySize=1024"], cancellationToken: Ct);
        using var request = RawMcp.Post(server.Endpoint, "");
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Big)));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Payload Too Large", await RawMcp.ErrorMessageAsync(response, Ct));
    }

    [Fact]
    public async Task Client_DropsMidCall_TheServerKeepsServingThatSessionAndOthers()
    {
        GatedPlugin.Reset();
        await using var server = await HttpTestServer.StartAsync(configureServices: s => s.AddPlugin<GatedPlugin>("Gated"), cancellationToken: Ct);
        var sessionId = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);

        using (var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, CallGated, sessionId: sessionId), HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            // Read the first event, then drop the connection while the call waits at the gate.
            await SseEvents.ReadAsync(await response.Content.ReadAsStreamAsync(Ct), Ct).FirstAsync(e => e.Data.Length > 0, Ct);
        }
        GatedPlugin.Gate.SetResult();

        using var sameSession = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools, sessionId: sessionId), Ct);
        var client = await server.ConnectAsync(cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, sameSession.StatusCode);
        await client.PingAsync(cancellationToken: Ct);
    }

    [Fact]
    public async Task Sessions_AreConnectedWhileOpenAndForgottenWhenDeleted()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);
        var connected = server.Services.GetRequiredService<ConnectedServers>();
        var first = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);
        var second = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);
        await Eventually.WaitAsync(() => connected.All.Count() == 2, Ct);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, server.Endpoint);
        delete.Headers.Add("Mcp-Session-Id", first);
        using var _ = await server.Http.SendAsync(delete, Ct);

        await Eventually.WaitAsync(() => connected.All.Count() == 1, Ct);
        Assert.Null(connected.Find(first));
        Assert.NotNull(connected.Find(second));
    }

    [Fact]
    public async Task Session_IdleLongerThanTheTimeout_IsClosed()
    {
        await using var server = await HttpTestServer.StartAsync(["--Http:IdleTimeout=00:00:01"], cancellationToken: Ct);
        var connected = server.Services.GetRequiredService<ConnectedServers>();
        var session = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);

        // The SDK looks for idle sessions every 5 seconds.
        await Eventually.WaitAsync(() => connected.Find(session) is null, Ct, TimeSpan.FromSeconds(15));
        using var after = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, RawMcp.ListTools, sessionId: session), Ct);

        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Request_OtherPath_Returns404NamingTheEndpoint()
    {
        await using var server = await HttpTestServer.StartAsync(cancellationToken: Ct);

        using var response = await server.Http.GetAsync(new Uri(server.Endpoint, "/other"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("MCP is served at /mcp", await RawMcp.ErrorMessageAsync(response, Ct));
    }
}
