using System.IO.Pipelines;
using System.Text.Json;
using McpOpenAI.TestKit.Mcp;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Tests.Clients;

/// <summary>The test client's schema check really rejects what the TypeScript SDK client rejects.</summary>
public sealed class SchemaCheckingTransportTests
{
    [Fact]
    public async Task CallTool_ResultMissingARequiredProperty_FailsLikeTheTypeScriptClient()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await ServerPair.StartAsync(new FixedTool("bad", """{"count":1}"""), ct);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => pair.Client.CallToolAsync("bad", cancellationToken: ct).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("\"name\"", error.Message);
        Assert.Single(pair.Transport.Mismatches);
    }

    [Fact]
    public async Task CallTool_ValidResultBeforeAnyToolsList_PassesAndTheClientSeesNoExtraMessages()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await ServerPair.StartAsync(new FixedTool("good", """{"name":"x","count":2}"""), ct);

        var result = await pair.Client.CallToolAsync("good", cancellationToken: ct);
        var tools = await pair.Client.ListToolsAsync(cancellationToken: ct);

        Assert.Equal(2, result.StructuredContent!.Value.GetProperty("count").GetInt32());
        Assert.Single(tools);
        Assert.Empty(pair.Transport.Mismatches);
    }

    private sealed class FixedTool(string name, string structured) : McpServerTool
    {
        public override Tool ProtocolTool { get; } = new()
        {
            Name = name,
            InputSchema = JsonDocument.Parse("""{"type":"object"}""").RootElement,
            OutputSchema = JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer"}},"required":["name","count"]}""").RootElement,
        };

        public override IReadOnlyList<object> Metadata => [];

        public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new CallToolResult { Content = [new TextContentBlock { Text = structured }], StructuredContent = JsonDocument.Parse(structured).RootElement });
    }

    private sealed class ServerPair : IAsyncDisposable
    {
        private readonly Pipe _toServer = new();
        private readonly Pipe _toClient = new();
        private McpServer _server = null!;
        private Task _serving = Task.CompletedTask;

        public McpClient Client { get; private set; } = null!;

        public SchemaCheckingTransport Transport { get; private set; } = null!;

        public static async Task<ServerPair> StartAsync(McpServerTool tool, CancellationToken ct)
        {
            var pair = new ServerPair();
            var options = new McpServerOptions { ToolCollection = [tool] };
            pair._server = McpServer.Create(new StreamServerTransport(pair._toServer.Reader.AsStream(), pair._toClient.Writer.AsStream()), options);
            pair._serving = pair._server.RunAsync(ct);
            pair.Transport = new SchemaCheckingTransport(new StreamClientTransport(pair._toServer.Writer.AsStream(), pair._toClient.Reader.AsStream()));
            pair.Client = await McpClient.CreateAsync(pair.Transport, cancellationToken: ct);
            return pair;
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            _toServer.Writer.Complete();
            _toClient.Writer.Complete();
            await _server.DisposeAsync();
            await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
