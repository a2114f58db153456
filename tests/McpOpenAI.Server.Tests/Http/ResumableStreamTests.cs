using System.Text.Json;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.TestKit.Sse;

namespace McpOpenAI.Server.Tests.Http;

public sealed class ResumableStreamTests
{
    private const string CallGated =
        """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"gated_steps","arguments":{},"_meta":{"progressToken":"p"}}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpTestServer> StartAsync(params string[] config) =>
        HttpTestServer.StartAsync(config, s => s.AddPlugin<GatedPlugin>("Gated"), Ct);

    private static HttpRequestMessage Resume(Uri endpoint, string sessionId, string lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Add("Accept", "text/event-stream");
        request.Headers.Add("Mcp-Session-Id", sessionId);
        request.Headers.Add("Last-Event-ID", lastEventId);
        return request;
    }

    private static bool IsProgress(string data, int step) =>
        data.Length > 0 && JsonDocument.Parse(data).RootElement is var m
        && m.TryGetProperty("method", out var method) && method.GetString() == "notifications/progress"
        && m.GetProperty("params").GetProperty("progress").GetInt32() == step;

    private static bool IsResult(string data) =>
        data.Length > 0 && JsonDocument.Parse(data).RootElement is var m && m.TryGetProperty("id", out var id) && id.GetInt32() == 7 && m.TryGetProperty("result", out _);

    [Fact]
    public async Task Get_WithLastEventIdAfterDisconnectMidCall_ReplaysTheMissedEventsAndTheResult()
    {
        GatedPlugin.Reset();
        await using var server = await StartAsync();
        var sessionId = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);

        // The call's stream: read up to step 1, remember its event id, then drop the connection while the call waits.
        string lastSeen;
        using (var response = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, CallGated, sessionId: sessionId), HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            response.EnsureSuccessStatusCode();
            var step1 = await SseEvents.ReadAsync(await response.Content.ReadAsStreamAsync(Ct), Ct).FirstOrDefaultAsync(e => IsProgress(e.Data, 1), Ct);
            if (step1.Data is null) throw new InvalidOperationException("The stream ended before step 1.");
            lastSeen = step1.EventId ?? throw new InvalidOperationException("Step 1 came without an event id.");
        }
        GatedPlugin.Gate.SetResult();

        using var resumed = await server.Http.SendAsync(Resume(server.Endpoint, sessionId, lastSeen), HttpCompletionOption.ResponseHeadersRead, Ct);
        resumed.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", resumed.Content.Headers.ContentType?.MediaType);
        var missed = (await SseEvents.ReadAllAsync(await resumed.Content.ReadAsStreamAsync(Ct), Ct)).Where(e => e.Data.Length > 0).ToList();

        Assert.Collection(missed,
            e => Assert.True(IsProgress(e.Data, 2), e.Data),
            e => Assert.True(IsResult(e.Data), e.Data));
        Assert.Contains("through the gate", missed[1].Data);
        Assert.All(missed, e => Assert.NotNull(e.EventId));
    }

    [Fact]
    public async Task Get_WithUnknownLastEventId_Returns400()
    {
        await using var server = await StartAsync();
        var sessionId = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);

        using var response = await server.Http.SendAsync(Resume(server.Endpoint, sessionId, "no-such-event"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("either invalid or expired", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Get_WithLastEventIdFromAnotherSession_Returns400()
    {
        GatedPlugin.Reset();
        GatedPlugin.Gate.SetResult();
        await using var server = await StartAsync();
        var first = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);
        var second = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);
        using var call = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, CallGated, sessionId: first), Ct);
        var firstId = (await SseEvents.ReadAllAsync(await call.Content.ReadAsStreamAsync(Ct), Ct)).First(e => e.EventId is not null).EventId!;

        using var response = await server.Http.SendAsync(Resume(server.Endpoint, second, firstId), Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("different session ID", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Post_WhenResumableStreamsOff_SendsNoEventIdsAndGetWithLastEventIdReturns400()
    {
        GatedPlugin.Reset();
        GatedPlugin.Gate.SetResult();
        await using var server = await StartAsync("--Http:ResumableStreams=false");
        var sessionId = await RawMcp.StartSessionAsync(server.Http, server.Endpoint, Ct);
        using var call = await server.Http.SendAsync(RawMcp.Post(server.Endpoint, CallGated, sessionId: sessionId), Ct);
        var all = await SseEvents.ReadAllAsync(await call.Content.ReadAsStreamAsync(Ct), Ct);

        using var response = await server.Http.SendAsync(Resume(server.Endpoint, sessionId, "anything"), Ct);

        Assert.Contains(all, e => IsResult(e.Data));
        Assert.All(all, e => Assert.Null(e.EventId));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not support resuming streams", await response.Content.ReadAsStringAsync(Ct));
    }
}
