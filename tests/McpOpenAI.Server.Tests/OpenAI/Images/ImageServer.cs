using ModelContextProtocol;
using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using McpOpenAI.TestKit.Mcp;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.OpenAI.Images;

/// <summary>The real server over stdio against a fake OpenAI, with an isolated output folder.</summary>
internal sealed class ImageServer : IAsyncDisposable
{
    private ImageServer(TempFolder folder, FakeOpenAIServer fake)
    {
        Folder = folder;
        Fake = fake;
    }

    public TempFolder Folder { get; }

    public FakeOpenAIServer Fake { get; }

    public StdioServerSession Session { get; private set; } = null!;

    public McpClient Client => Session.Client;

    public string OutputFolder => Folder.Combine("out");

    public static async Task<ImageServer> StartAsync(CancellationToken ct, IDictionary<string, string?>? extra = null)
    {
        var folder = new TempFolder();
        var fake = await FakeOpenAIServer.StartAsync(ct);
        var server = new ImageServer(folder, fake);
        await server.RestartAsync(ct, extra);
        return server;
    }

    /// <summary>Stops the server process (if running) and starts a new one on the same folders.</summary>
    public async Task RestartAsync(CancellationToken ct, IDictionary<string, string?>? extra = null)
    {
        if (Session is not null) await Session.DisposeAsync();
        var env = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = Fake.ApiKey,
            ["OPENAI_BASE_URL"] = Fake.BaseUrl,
            ["OpenAI__MaxRetries"] = "0",
            ["Server__DataFolder"] = Folder.Combine("state"),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) env[key] = value;
        Session = await ServerProcess.StartAsync(Folder, env, cancellationToken: ct);
    }

    public Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?> args, CancellationToken ct, IProgress<ProgressNotificationValue>? progress = null) =>
        Client.CallToolAsync(tool, args, progress, cancellationToken: ct).AsTask();

    public static JsonElement Structured(CallToolResult result)
    {
        Assert.True(result.IsError != true, Text(result));
        return result.StructuredContent ?? JsonDocument.Parse(((TextContentBlock)result.Content[0]).Text).RootElement;
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public async ValueTask DisposeAsync()
    {
        if (Session is not null) await Session.DisposeAsync();
        await Fake.DisposeAsync();
        Folder.Dispose();
    }
}
