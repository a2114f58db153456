using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using McpOpenAI.Kernel.State;
using McpOpenAI.Server.McpServers;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Loads the agent files (<c>prompts/Agents/*.agent.yaml</c>) into the kernel (after the prompt files) and, when serving,
/// watches them so a new or edited agent reaches the MCP clients without a restart. Sessions live in the data folder (or the shared database).
/// The other MCP servers agents may use start connecting here, in the background.
/// </summary>
internal sealed class AgentFilesLoader(KernelHost host, AppPaths paths, ILogger<AgentPluginSource> logger, KernelStartup.Mode mode, McpServerPlugins servers,
    SharedState state)
    : IDisposable
{
    /// <summary>The folder under the prompts folder that holds the agent files.</summary>
    public const string FolderName = "Agents";

    /// <summary>The sessions database in the data folder.</summary>
    public const string SessionsFile = "agent-sessions.db";

    private AgentPluginSource? _source;

    /// <summary>The loaded agent source (after start).</summary>
    public AgentPluginSource Source => _source ?? throw new InvalidOperationException("The agent files are not loaded yet.");

    /// <summary>Loads the files and, when serving, starts watching them.</summary>
    /// <param name="prompts">The prompt files, which <c>prompt_status</c> reports first; null when they are not loaded.</param>
    public void Start(IPromptFileSource? prompts = null)
    {
        servers.Start();
        var sessions = new AgentSessionStore(state.Database(Path.Combine(paths.DataFolder, SessionsFile)));
        _source = new AgentPluginSource(host, Path.Combine(paths.PromptsPath, FolderName), sessions, logger, servers);
        if (mode.Watch)
            _source.StartWatching();
        else
            _source.Reload();
        // prompt_status reports the agent files too (they live under prompts/ and break the same way), and the MCP servers they use.
        var status = prompts is null ? new PromptsStatusPlugin(_source, servers) : new PromptsStatusPlugin(prompts, _source, servers);
        host.Set(PluginFactory.Create(status, "Prompts"));
    }

    public void Dispose() => _source?.Dispose();
}
