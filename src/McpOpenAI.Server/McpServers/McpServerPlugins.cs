using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Prompts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Server.McpServers;

/// <summary>
/// The other MCP servers configured under <c>Agents:McpServers</c>, each connected in the background
/// (<see cref="McpServerConnection"/>) so the server's own start never waits for them. Agents may name their plugins
/// before they connect (<see cref="IExternalPlugins"/>), and <c>prompt_status</c> lists their tools and failures
/// (<see cref="IPromptFileSource"/>). Their tools are for agents only (<see cref="Kernel.Plugins.FunctionTraits.AgentOnly"/>):
/// this server's own clients are never offered them.
/// </summary>
internal sealed class McpServerPlugins : IExternalPlugins, IPromptFileSource, IAsyncDisposable, IDisposable
{
    private readonly IReadOnlyList<McpServerConnection> _connections;
    private int _started;

    public McpServerPlugins(IOptions<AgentsOptions> options, KernelHost host, ILoggerFactory loggers)
    {
        _connections = [.. options.Value.McpServers.Select((server, i) => new McpServerConnection(server, $"{AgentsOptions.SectionName}:McpServers:{i}", host, loggers))];
    }

    /// <summary>The configured servers.</summary>
    public IReadOnlyList<McpServerConnection> Connections => _connections;

    /// <inheritdoc />
    public string RootPath => $"{AgentsOptions.SectionName}:McpServers";

    /// <inheritdoc />
    public IReadOnlyList<LoadedPrompt> Loaded =>
        [.. _connections.SelectMany(c => c.Tools.Select(tool => new LoadedPrompt(c.Name, tool, $"{c.Key} (MCP server '{c.Name}')")))];

    /// <inheritdoc />
    public IReadOnlyList<PromptFileError> Errors =>
        [.. _connections.Where(c => c.Status.IsFailed).Select(c => new PromptFileError($"{c.Key} (MCP server '{c.Name}')", null, null, c.Status.Message))];

    /// <summary>Starts connecting every server, once; returns at once.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            foreach (var connection in _connections)
                connection.Start();
        }
    }

    /// <inheritdoc />
    public string? StatusOf(string pluginName) =>
        _connections.FirstOrDefault(c => string.Equals(c.Name, pluginName, StringComparison.OrdinalIgnoreCase)) is not { } connection ? null
            : connection.Status.IsConnected ? $"it is connected and offers: {string.Join(", ", connection.Tools)}"
            : connection.Status.Message;

    // The host may be disposed synchronously (the command line); the child processes must end either way.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync().ConfigureAwait(false);
    }
}
