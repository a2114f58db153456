using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Loads the agent files (<c>prompts/Agents/*.agent.yaml</c>) into the kernel at start and, when serving, watches
/// them so a new or edited agent reaches the MCP clients without a restart. Sessions live in the data folder.
/// </summary>
internal sealed class AgentsHostedService(PluginKernel kernel, AppPaths paths, ILogger<AgentPluginSource> logger, PromptsHostedService.Mode mode, PromptsHostedService prompts)
    : IHostedService, IDisposable
{
    /// <summary>The folder under the prompts folder that holds the agent files.</summary>
    public const string FolderName = "Agents";

    /// <summary>The sessions database in the data folder.</summary>
    public const string SessionsFile = "agent-sessions.db";

    private AgentPluginSource? _source;

    /// <summary>The loaded agent source (after start).</summary>
    public AgentPluginSource Source => _source ?? throw new InvalidOperationException("The agent files are not loaded yet.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var sessions = new AgentSessionStore(Path.Combine(paths.DataFolder, SessionsFile));
        _source = new AgentPluginSource(kernel, Path.Combine(paths.PromptsPath, FolderName), sessions, logger);
        if (mode.Watch)
            _source.StartWatching();
        else
            _source.Reload();
        // prompt_status reports the agent files too: they live under prompts/ and break the same way.
        kernel.Plugins.Set(AIPlugin.FromObject(new PromptsStatusPlugin(prompts.Source, _source), "Prompts"));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _source?.Dispose();
}
