using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using McpOpenAI.TestKit.Mcp;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Agents;

/// <summary>The real server over stdio, with the shipped agent files, against a fake OpenAI that scripts tool calls.</summary>
internal sealed class AgentServer : IAsyncDisposable
{
    private AgentServer(TempFolder folder, FakeOpenAIServer fake, StdioServerSession session)
    {
        Folder = folder;
        Fake = fake;
        Session = session;
    }

    public TempFolder Folder { get; }

    public FakeOpenAIServer Fake { get; }

    public StdioServerSession Session { get; }

    public McpClient Client => Session.Client;

    public string AgentsFolder => Folder.Combine("prompts", "Agents");

    public string SampleDatabase => Folder.Combine("state", "sample-company.db");

    public static async Task<AgentServer> StartAsync(CancellationToken ct, params string[] shippedAgents)
    {
        var folder = new TempFolder();
        foreach (var agent in shippedAgents)
            File.Copy(Path.Combine(RepositoryRoot(), "prompts", "Agents", agent), folder.Write(Path.Combine("prompts", "Agents", agent), string.Empty), overwrite: true);
        var fake = await FakeOpenAIServer.StartAsync(ct);
        var env = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = fake.ApiKey,
            ["OPENAI_BASE_URL"] = fake.BaseUrl,
            ["OpenAI__MaxRetries"] = "0",
            ["Server__DataFolder"] = folder.Combine("state"),
        };
        var session = await ServerProcess.StartAsync(folder, env, cancellationToken: ct);
        return new AgentServer(folder, fake, session);
    }

    public async Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?> arguments, CancellationToken ct, IProgress<ProgressNotificationValue>? progress = null) =>
        await Client.CallToolAsync(tool, arguments, progress, cancellationToken: ct);

    public static JsonElement Structured(CallToolResult result)
    {
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        Assert.True(result.IsError != true, text);
        return result.StructuredContent ?? throw new InvalidOperationException("No structured content: " + text);
    }

    /// <summary>The tool results the fake model received in its last request, in order.</summary>
    public string[] ToolResultsSentInLastRequest() =>
        Fake.ChatRequests[^1].Messages.Where(m => m.Role == "tool").Select(m => m.Text).ToArray();

    public string DatabaseHash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(SampleDatabase)));

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Fake.DisposeAsync();
        Folder.Dispose();
    }

    internal static string RepositoryRoot([CallerFilePath] string here = "")
    {
        var directory = Path.GetDirectoryName(here);
        while (directory is not null && !File.Exists(Path.Combine(directory, "McpOpenAI.sln")))
            directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
