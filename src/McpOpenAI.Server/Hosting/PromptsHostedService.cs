using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Loads the prompt files into the kernel at start and, when serving, watches them so edits reach the MCP
/// clients without a restart. Also offers the <c>prompt_status</c> function so a broken file is visible.
/// </summary>
internal sealed class PromptsHostedService(PluginKernel kernel, AppPaths paths, ILogger<PromptPluginSource> logger, PromptsHostedService.Mode mode)
    : IHostedService, IDisposable
{
    /// <summary>Whether to keep watching after the first load.</summary>
    public sealed record Mode(bool Watch);

    private PromptPluginSource? _source;

    /// <summary>The loaded prompt source (after start).</summary>
    public PromptPluginSource Source => _source ?? throw new InvalidOperationException("The prompt files are not loaded yet.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _source = new PromptPluginSource(kernel, paths.PromptsPath, logger);
        kernel.Plugins.Set(AIPlugin.FromObject(new PromptsStatusPlugin(_source), "Prompts"));
        if (mode.Watch)
            _source.StartWatching();
        else
            _source.Reload();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _source?.Dispose();
}
