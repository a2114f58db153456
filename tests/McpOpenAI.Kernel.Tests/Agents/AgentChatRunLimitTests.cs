using McpOpenAI.Kernel.Agents;
using Microsoft.Extensions.AI;
using static McpOpenAI.Kernel.Tests.Agents.AgentScript;

namespace McpOpenAI.Kernel.Tests.Agents;

public sealed class AgentChatRunLimitTests
{
    [Fact]
    public async Task RunAsync_MaxIterations_StopsWithWhatItHad()
    {
        var harness = new AgentLoopHarness();
        for (var i = 0; i < 5; i++)
            harness.Script.Calls(("lookup", Args(("key", "capital"))));

        var result = await harness.RunAsync(new AgentLimits { MaxIterations = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal(AgentStopReason.MaxIterations, result.StopReason);
        Assert.Equal(3, result.Iterations);
        Assert.Equal(3, harness.Script.Client.Calls.Count);
        Assert.Equal(2, result.ToolCalls.Count);
        Assert.Contains("3 model turns", result.Note, StringComparison.Ordinal);
        Assert.StartsWith("No final answer.", result.Answer, StringComparison.Ordinal);
        Assert.Contains(harness.Progress.StatusLines, l => l.StartsWith("Stopped:", StringComparison.Ordinal));
        // The calls of the last turn were not run, and the history says so.
        Assert.Contains("Not run", harness.Conversation[^1].Contents.OfType<FunctionResultContent>().Single().Result?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConsecutiveToolErrors_StopsAtTheCap()
    {
        var harness = new AgentLoopHarness();
        for (var i = 0; i < 5; i++)
            harness.Script.Calls(("fail", null));

        var result = await harness.RunAsync(new AgentLimits { MaxConsecutiveErrors = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal(AgentStopReason.ToolErrors, result.StopReason);
        Assert.Equal(3, result.ToolCalls.Count);
        Assert.Equal(3, harness.Script.Client.Calls.Count);
        Assert.Contains("3 turns in a row", result.Note, StringComparison.Ordinal);
        Assert.Contains("the disk is on fire", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownToolsInARow_CountAsErrors()
    {
        var harness = new AgentLoopHarness();
        for (var i = 0; i < 5; i++)
            harness.Script.Calls(("nope", null));

        var result = await harness.RunAsync(new AgentLimits { MaxConsecutiveErrors = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(AgentStopReason.ToolErrors, result.StopReason);
        Assert.Equal(2, result.ToolCalls.Count);
        Assert.Equal(2, harness.Script.Client.Calls.Count);
    }

    [Fact]
    public async Task RunAsync_ErrorThenSuccess_ResetsTheErrorCount()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("fail", null)).Calls(("fail", null)).Calls(("lookup", Args(("key", "river"))))
            .Calls(("fail", null)).Calls(("fail", null)).Text("Seine.");

        var result = await harness.RunAsync(new AgentLimits { MaxConsecutiveErrors = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal(AgentStopReason.Completed, result.StopReason);
        Assert.Equal("Seine.", result.Answer);
    }

    [Fact]
    public async Task RunAsync_TimeBudgetSpentInATool_StopsWithPartialText()
    {
        var harness = new AgentLoopHarness();
        harness.Script.TextAndCalls("Partial thoughts.", ("wait", null));

        var result = await harness.RunAsync(new AgentLimits { MaxDuration = TimeSpan.FromMilliseconds(300) }, TestContext.Current.CancellationToken);

        Assert.Equal(AgentStopReason.TimeLimit, result.StopReason);
        Assert.Contains("ran out of time", result.Note, StringComparison.Ordinal);
        Assert.Equal("Partial thoughts.", result.Answer);
        Assert.True(harness.Plugin.WaitCancelled.Task.IsCompleted);
        // The history stays valid: the unfinished call got a result.
        Assert.Contains("Not run", harness.Conversation[^1].Contents.OfType<FunctionResultContent>().Single().Result?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OutputTokenBudget_CapsEachTurnAndStops()
    {
        var harness = new AgentLoopHarness();
        harness.Script.CallsWithUsage(60, ("lookup", Args(("key", "capital")))).CallsWithUsage(60, ("lookup", Args(("key", "river")))).Text("never");

        var result = await harness.RunAsync(new AgentLimits { MaxOutputTokens = 100 }, TestContext.Current.CancellationToken);

        Assert.Equal(AgentStopReason.OutputTokens, result.StopReason);
        Assert.Equal(100, harness.Script.Client.Calls[0].Options?.MaxOutputTokens);
        Assert.Equal(40, harness.Script.Client.Calls[1].Options?.MaxOutputTokens);
        Assert.Single(result.ToolCalls);
        Assert.Equal(120, result.Usage.OutputTokens);
        Assert.Equal(2, harness.Script.Client.Calls.Count);
    }

    [Fact]
    public async Task RunAsync_LongToolResult_IsCutAndTheModelIsTold()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("count_words", Args(("text_to_count", string.Join(' ', Enumerable.Repeat("w", 20)))))).Text("ok");

        var result = await harness.RunAsync(new AgentLimits { MaxToolResultChars = 1 }, TestContext.Current.CancellationToken);

        Assert.StartsWith("2\n[… 1 more characters cut.", Assert.Single(harness.ToolResultsSent()), StringComparison.Ordinal);
        Assert.Equal("20", Assert.Single(result.ToolCalls).Outcome);
    }
}
