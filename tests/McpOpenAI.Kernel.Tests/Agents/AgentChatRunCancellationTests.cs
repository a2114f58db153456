using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Agents;

public sealed class AgentChatRunCancellationTests
{
    [Fact]
    public async Task RunAsync_CancelledDuringATool_ToolIsCancelledAndRunThrows()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("wait", null)).Text("never");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = harness.RunAsync(cancellationToken: cts.Token);
        await harness.Plugin.WaitStarted.Task.WaitAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(harness.Plugin.WaitCancelled.Task.IsCompleted);
        Assert.Single(harness.Script.Client.Calls);
        Assert.Contains(harness.Progress.StatusLines, l => l.StartsWith("✗ wait cancelled after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CancelledMidStream_UpstreamStreamStops()
    {
        var harness = new AgentLoopHarness();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Script.Turn(ct => Hanging(started, stopped, ct));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = harness.RunAsync(cancellationToken: cts.Token);
        await started.Task.WaitAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(stopped.Task.IsCompleted);
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Hanging(TaskCompletionSource started, TaskCompletionSource stopped,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ChatResponseUpdate(ChatRole.Assistant, "Thinking");
        started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            stopped.TrySetResult();
        }
        yield return new ChatResponseUpdate(ChatRole.Assistant, "never");
    }
}
