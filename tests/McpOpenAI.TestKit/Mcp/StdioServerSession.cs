using System.Collections.Concurrent;
using ModelContextProtocol.Client;

namespace McpOpenAI.TestKit.Mcp;

/// <summary>
/// The real server as an MCP client would run it: a child process speaking MCP over stdio, with its stderr
/// captured line by line so tests can check what it logged.
/// </summary>
public sealed class StdioServerSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stderr;

    private StdioServerSession(McpClient client, ConcurrentQueue<string> stderr)
    {
        Client = client;
        _stderr = stderr;
    }

    /// <summary>The connected MCP client.</summary>
    public McpClient Client { get; }

    /// <summary>Everything the server wrote to stderr so far.</summary>
    public string Stderr => string.Join('\n', _stderr);

    /// <summary>Starts <c>command args…</c> (<c>dotnet mcp-openai.dll</c>, say) and connects to it.</summary>
    /// <param name="command">The program and its leading arguments.</param>
    /// <param name="environment">Variables to set (null removes one); OPENAI_* from the test process never leak in.</param>
    /// <param name="arguments">Command-line arguments.</param>
    /// <param name="options">Client options (handlers, capabilities).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<StdioServerSession> StartAsync(
        IReadOnlyList<string> command,
        IDictionary<string, string?> environment,
        IEnumerable<string>? arguments = null,
        McpClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var stderr = new ConcurrentQueue<string>();
        var env = new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = null,
            ["OPENAI_BASE_URL"] = null,
            ["OPENAI_ORG_ID"] = null,
            ["OPENAI_PROJECT"] = null,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (key, value) in environment)
            env[key] = value;

        // Results are checked against their output schemas as the TypeScript SDK client checks them.
        var transport = new SchemaCheckingTransport(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "mcp-openai",
            Command = command[0],
            Arguments = [.. command.Skip(1), .. arguments ?? []],
            EnvironmentVariables = env,
            StandardErrorLines = stderr.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        }));
        var client = await McpClient.CreateAsync(transport, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new StdioServerSession(client, stderr);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
