using System.ComponentModel;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Server.Tests.Http;

/// <summary>A test plugin whose call reports a step, waits for the test to open the gate, then reports another and returns.</summary>
public sealed class GatedPlugin
{
    /// <summary>Opened by the test to let the running call finish.</summary>
    public static TaskCompletionSource Gate { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static void Reset() => Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [KernelFunction("gated_steps")]
    [Description("Reports step 1, waits for the gate, reports step 2 and returns.")]
    public async Task<string> GatedSteps([FromKernelServices] IProgress<FunctionProgress>? progress = null)
    {
        progress?.Report(new FunctionProgress(1, 2, "before the gate"));
        // Deliberately not cancellable: the call must outlive the client's dropped connection.
        await Gate.Task;
        progress?.Report(new FunctionProgress(2, 2, "after the gate"));
        return "through the gate";
    }
}
