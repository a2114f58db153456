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
internal sealed class KernelStartup(IServiceProvider services, KernelStartup.Mode mode, ILogger<KernelStartup> logger) : IHostedService
{
    /// <summary>Whether to keep watching the prompt and agent files after the first load.</summary>
    public sealed record Mode(bool Watch);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when everything is loaded; faults when the kernel could not be built.</summary>
    public Task Ready => _ready.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(Load, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Load()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var host = services.GetRequiredService<KernelHost>();
            // PORT IN PROGRESS: prompt files load here again once they are on Semantic Kernel (mode.Watch).
            _ = mode;
            services.GetRequiredService<AgentFilesLoader>().Start();
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
