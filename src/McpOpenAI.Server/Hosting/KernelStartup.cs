using System.Diagnostics;
using McpOpenAI.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
    private PromptFilesLoader? _prompts;

    /// <summary>Completes when everything is loaded; faults when the kernel could not be built.</summary>
    public Task Ready => _ready.Task;

    /// <summary>The prompt files (once <see cref="Ready"/>).</summary>
    public PromptFilesLoader Prompts => _prompts ?? throw new InvalidOperationException("The prompt files are not loaded yet.");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own, not a thread-pool one: loading takes a few hundred milliseconds of synchronous work, and on a
        // machine with two cores it held one of the pool's two threads, so the stdio transport's read of `initialize` waited
        // for the load (and the tool list after it) instead of being answered at once.
        _ = Task.Factory.StartNew(Load, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
            _prompts = ActivatorUtilities.CreateInstance<PromptFilesLoader>(services);
            _prompts.Start();
            // Agents after the prompts: an agent may name prompt functions; prompt_status reports both.
            services.GetRequiredService<AgentFilesLoader>().Start(_prompts.Source);
            logger.LogDebug("Loaded {Plugins} plugins in {Milliseconds} ms", host.Plugins.Count, clock.ElapsedMilliseconds);
            _ready.TrySetResult();
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "The plugins could not be loaded");
            _ready.TrySetException(ex);
        }
    }
}
