using System.Collections.Concurrent;
using System.ComponentModel;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Server.Tests.Jobs;

/// <summary>A test plugin with a long-running function that sleeps, reporting as it goes, and records how each call ended.</summary>
public sealed class NapPlugin
{
    /// <summary>Each call's outcome by its tag: true when its cancellation token fired.</summary>
    public static ConcurrentDictionary<string, TaskCompletionSource<bool>> Outcomes { get; } = new();

    /// <summary>Each call's start by its tag.</summary>
    public static ConcurrentDictionary<string, TaskCompletionSource> Starts { get; } = new();

    [KernelFunction("nap")]
    [Description("Sleeps for the given time, reporting each step, then says how long it slept.")]
    [FunctionTraits(Title = "Nap", LongRunning = true)]
    public async Task<NapResult> Nap(
        [Description("A tag that names this call.")] string tag,
        [Description("How long to sleep.")] int milliseconds,
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var outcome = Outcomes.GetOrAdd(tag, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        Starts.GetOrAdd(tag, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        progress?.Report(new FunctionProgress(0, 1, "falling asleep"));
        try
        {
            await Task.Delay(milliseconds, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            outcome.TrySetResult(true);
            throw;
        }
        outcome.TrySetResult(false);
        return new NapResult(tag, milliseconds);
    }
}

/// <summary>What a nap returns.</summary>
/// <param name="Tag">The call's tag.</param>
/// <param name="Milliseconds">How long it slept.</param>
public sealed record NapResult(string Tag, int Milliseconds);
