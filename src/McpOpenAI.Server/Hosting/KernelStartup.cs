using System.Diagnostics;
using McpOpenAI.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Loads the kernel — its native plugins, then the prompt files, then the agent files (which may name prompt
/// functions) — in the background, so the MCP server answers <c>initialize</c> at once. Whatever needs the tools
/// (<c>tools/list</c>, a call, the command line) waits for <see cref="Ready"/>.
/// </summary>
internal sealed class KernelStartup(IServiceProvider services, ILogger<KernelStartup> logger) : IHostedService, IDisposable
{
    /// <summary>Whether to keep watching the prompt and agent files after the first load.</summary>
    public sealed record Mode(bool Watch);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<KernelHost> _native = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PromptFilesLoader? _prompts;
    private int _begun;

    /// <summary>Completes when everything is loaded; faults when the kernel could not be built.</summary>
    public Task Ready => _ready.Task;

    /// <summary>
    /// Completes when the native plugins are in the kernel, before the prompt and agent files load: work on them (the
    /// bridge's tool schemas) can proceed alongside. Faults with <see cref="Ready"/>.
    /// </summary>
    public Task<KernelHost> NativePluginsLoaded => _native.Task;

    /// <summary>The prompt files (once <see cref="Ready"/>).</summary>
    public PromptFilesLoader Prompts => _prompts ?? throw new InvalidOperationException("The prompt files are not loaded yet.");

    /// <summary>
    /// Starts loading, once. The server's registration calls this when the host resolves its hosted services: building
    /// the others (jobs, the MCP server) and validating the options take a few hundred milliseconds before any of them
    /// starts, and the load runs alongside on the other core. A configuration the host then rejects stops the process,
    /// so the load's own report of it goes to the debug log only.
    /// </summary>
    public KernelStartup Begin()
    {
        // A thread of its own, not a thread-pool one: loading takes a few hundred milliseconds of synchronous work, and on a
        // machine with two cores it held one of the pool's two threads, so the stdio transport's read of `initialize` waited
        // for the load (and the tool list after it) instead of being answered at once.
        if (Interlocked.Exchange(ref _begun, 1) == 0)
            _ = Task.Factory.StartNew(Load, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return this;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Begin();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _prompts?.Dispose();

    private void Load()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var host = services.GetRequiredService<KernelHost>();
            var native = clock.ElapsedMilliseconds;
            _native.TrySetResult(host);
            _prompts = ActivatorUtilities.CreateInstance<PromptFilesLoader>(services);
            _prompts.Start();
            var prompts = clock.ElapsedMilliseconds;
            // Agents after the prompts: an agent may name prompt functions; prompt_status reports both.
            services.GetRequiredService<AgentFilesLoader>().Start(_prompts.Source);
            logger.LogDebug("Loaded {Plugins} plugins in {Milliseconds} ms (native {Native} ms, prompt files {Prompts} ms, agent files {Agents} ms)",
                host.Plugins.Count, clock.ElapsedMilliseconds, native, prompts - native, clock.ElapsedMilliseconds - prompts);
            _ready.TrySetResult();
        }
        catch (Exception ex)
        {
            if (ex is OptionsValidationException)
                logger.LogDebug(ex, "The plugins could not be loaded");
            else
                logger.LogCritical(ex, "The plugins could not be loaded");
            _native.TrySetException(ex);
            _ready.TrySetException(ex);
        }
    }
}
