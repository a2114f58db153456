using System.Collections.Concurrent;
using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Operations;

/// <summary>The whole server in this process against a fake OpenAI, with the operations settings a test gives.</summary>
internal sealed class OpsServer : IAsyncDisposable
{
    private OpsServer(FakeOpenAIServer fake, InProcessServer server)
    {
        Fake = fake;
        Server = server;
    }

    public FakeOpenAIServer Fake { get; }

    public InProcessServer Server { get; }

    public static async Task<OpsServer> StartAsync(CancellationToken ct, params string[] settings)
    {
        var fake = await FakeOpenAIServer.StartAsync(ct);
        var server = await InProcessServer.StartAsync(
            [$"--OpenAI:ApiKey={fake.ApiKey}", $"--OpenAI:BaseUrl={fake.BaseUrl}", "--OpenAI:MaxRetries=0", .. settings], cancellationToken: ct);
        return new OpsServer(fake, server);
    }

    /// <summary>Calls a tool; <paramref name="progress"/> collects its progress messages.</summary>
    public async Task<CallToolResult> CallAsync(string tool, object arguments, CancellationToken ct, ConcurrentQueue<string>? progress = null)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments));
        return await Server.Client.CallToolAsync(tool, args, progress is null ? null : new Collector(progress), cancellationToken: ct);
    }

    /// <summary>Calls a tool that must succeed and returns its structured result.</summary>
    public async Task<JsonElement> ResultAsync(string tool, object arguments, CancellationToken ct)
    {
        var result = await CallAsync(tool, arguments, ct);
        Assert.True(result.IsError != true, Text(result));
        // Tools that return images (FunctionOutput) have no output schema: their JSON is the first text block.
        return result.StructuredContent ?? JsonDocument.Parse(result.Content.OfType<TextContentBlock>().First().Text).RootElement.Clone();
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Fake.DisposeAsync();
    }

    private sealed class Collector(ConcurrentQueue<string> messages) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value)
        {
            if (value.Message is { } message) messages.Enqueue(message);
        }
    }
}
