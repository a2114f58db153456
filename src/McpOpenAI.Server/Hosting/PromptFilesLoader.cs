using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Loads the prompt files into the kernel (when <see cref="KernelStartup"/> says) and, when serving, watches them so
/// edits reach the MCP clients without a restart. Also offers the <c>prompt_status</c> function so a broken file is visible.
/// </summary>
internal sealed class PromptFilesLoader(KernelHost host, AppPaths paths, ILogger<PromptPluginSource> logger, KernelStartup.Mode mode)
    : IDisposable
{
    private PromptPluginSource? _source;

    /// <summary>The loaded prompt source (after start).</summary>
    public PromptPluginSource Source => _source ?? throw new InvalidOperationException("The prompt files are not loaded yet.");

    /// <summary>Loads the files and, when serving, starts watching them.</summary>
    public void Start()
    {
        _source = new PromptPluginSource(host, paths.PromptsPath, logger);
        host.Set(PluginFactory.Create(new PromptsStatusPlugin(_source), "Prompts"));
        if (mode.Watch)
            _source.StartWatching();
        else
            _source.Reload();
    }

    public void Dispose() => _source?.Dispose();
}
