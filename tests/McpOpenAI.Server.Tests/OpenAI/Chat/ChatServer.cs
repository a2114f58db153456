using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using McpOpenAI.TestKit.Mcp;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.OpenAI.Chat;

/// <summary>
/// The real server process over stdio against a fake OpenAI, with isolated folders. Every result text is kept so a
/// test can prove the key never appears in one.
/// </summary>
public sealed class ChatServer : IAsyncDisposable
{
    private readonly List<string> _texts = [];

    private ChatServer(TempFolder folder, FakeOpenAIServer fake, StdioServerSession session)
    {
        Folder = folder;
        Fake = fake;
        Session = session;
    }

    internal TempFolder Folder { get; }

    public FakeOpenAIServer Fake { get; }

    public StdioServerSession Session { get; }

    public McpClient Client => Session.Client;

    /// <summary>Every text content of every result so far.</summary>
    public IReadOnlyList<string> ResultTexts
    {
        get { lock (_texts) return [.. _texts]; }
    }

    /// <summary>Starts a fake and a server using it; <paramref name="withKey"/> false starts the server without a key.</summary>
    public static async Task<ChatServer> StartAsync(CancellationToken ct, IDictionary<string, string?>? extra = null, bool withKey = true)
    {
        var folder = new TempFolder();
        var fake = await FakeOpenAIServer.StartAsync(ct);
        var env = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = withKey ? fake.ApiKey : null,
            ["OPENAI_BASE_URL"] = withKey ? fake.BaseUrl : null,
            ["OpenAI__MaxRetries"] = "1",
            ["Server__DataFolder"] = folder.Combine("state"),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) env[key] = value;
        var session = await ServerProcess.StartAsync(folder, env, cancellationToken: ct);
        return new ChatServer(folder, fake, session);
    }

    public async Task<CallToolResult> CallAsync(string tool, object arguments, CancellationToken ct, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments));
        var result = await Client.CallToolAsync(tool, args, progress, cancellationToken: ct);
        lock (_texts) _texts.AddRange(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        return result;
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public static JsonElement Structured(CallToolResult result)
    {
        Assert.True(result.IsError != true, Text(result));
        return result.StructuredContent ?? throw new InvalidOperationException("No structured content: " + Text(result));
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Fake.DisposeAsync();
        Folder.Dispose();
    }
}
