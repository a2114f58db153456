using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Server.Tests.Clients;

/// <summary>
/// What the real server needs for the client matrix: a fake OpenAI in this process (so every OpenAI-backed tool works),
/// an isolated home with a copy of the shipped prompts and agents, and the environment that points the server at both.
/// </summary>
internal sealed class MatrixServer(TempFolder folder, FakeOpenAIServer fake) : IAsyncDisposable
{
    public TempFolder Folder => folder;

    public FakeOpenAIServer Fake => fake;

    /// <summary>The server command line: <c>dotnet mcp-openai.dll</c>, or the program MCPOPENAI_TEST_SERVER names.</summary>
    public static IReadOnlyList<string> Command => ServerProcess.Command;

    /// <summary>The server's environment; OPENAI_* of the test process never leak in.</summary>
    public Dictionary<string, string?> Environment
    {
        get
        {
            var env = ServerProcess.IsolatedEnvironment(Folder);
            env["OPENAI_API_KEY"] = Fake.ApiKey;
            env["OPENAI_BASE_URL"] = Fake.BaseUrl;
            env["OPENAI_ORG_ID"] = null;
            env["OPENAI_PROJECT"] = null;
            env["OpenAI__MaxRetries"] = "0";
            env["Server__DataFolder"] = Folder.Combine("state");
            env["Logging__LogLevel__Default"] = "Warning";
            env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            return env;
        }
    }

    public static async Task<MatrixServer> StartAsync(CancellationToken ct)
    {
        var folder = new TempFolder();
        CopyFolder(Path.Combine(NodeClients.RepositoryRoot, "prompts"), folder.Combine("prompts"));
        var fake = await FakeOpenAIServer.StartAsync(ct);
        fake.ChatHandler = MatrixChatReplies.Reply;
        return new MatrixServer(folder, fake);
    }

    public async ValueTask DisposeAsync()
    {
        await fake.DisposeAsync();
        folder.Dispose();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
