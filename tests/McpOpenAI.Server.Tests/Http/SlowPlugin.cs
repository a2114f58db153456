using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Server.Tests.Http;

/// <summary>A test plugin whose call takes a while, for shutdown and concurrency tests.</summary>
public sealed class SlowPlugin
{
    /// <summary>Set when a call has started.</summary>
    public static TaskCompletionSource Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static void Reset() => Started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [KernelFunction("pause")]
    [Description("Waits the given number of milliseconds, then says so.")]
    public async Task<string> Pause([Description("Milliseconds to wait.")] int milliseconds)
    {
        Started.TrySetResult();
        // Deliberately not cancellable: shutdown must let a running call finish.
        await Task.Delay(milliseconds);
        return $"waited {milliseconds} ms";
    }
}
