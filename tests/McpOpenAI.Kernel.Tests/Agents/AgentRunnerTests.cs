using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using static McpOpenAI.Kernel.Tests.Agents.AgentScript;

namespace McpOpenAI.Kernel.Tests.Agents;

public sealed class AgentRunnerTests
{
    [Fact]
    public async Task RunAsync_TextOnly_ReturnsAnswerAndStreamsIt()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Text("The answer is 42.", outputTokens: 7);

        var result = await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("The answer is 42.", result.Answer);
        Assert.Equal(AgentStopReason.Completed, result.StopReason);
        Assert.Null(result.Note);
        Assert.Empty(result.ToolCalls);
        Assert.Equal(1, result.Iterations);
        Assert.Equal(7, result.Usage.OutputTokens);
        Assert.Equal("s1", result.Session);
        Assert.Equal("The answer is 42.", string.Concat(harness.Progress.Reports.Where(r => r.Kind == ProgressKind.TextDelta).Select(r => r.Message)));
        Assert.Equal(ChatRole.Assistant, harness.Conversation[^1].Role);
    }

    [Fact]
    public async Task RunAsync_SingleToolCall_ResultGoesBackToModel()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("lookup", Args(("key", "capital")))).Text("It is Paris.");

        var result = await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("It is Paris.", result.Answer);
        Assert.Equal(["Paris"], harness.ToolResultsSent());
        var call = Assert.Single(result.ToolCalls);
        Assert.Equal("lookup", call.Name);
        Assert.True(call.Ok);
        Assert.Contains("capital", call.Arguments, StringComparison.Ordinal);
        Assert.Equal(2, result.Iterations);
        Assert.NotNull(harness.Script.Client.Calls[0].Options?.Tools);
    }

    [Fact]
    public async Task RunAsync_TwoCallsInOneTurn_RunAtTheSameTime()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("meet", Args(("who", "a"))), ("meet", Args(("who", "b")))).Text("Both met.");

        var result = await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Each call returns only once both are running, so sequential calls would time out instead.
        Assert.Equal(["a met", "b met"], harness.ToolResultsSent());
        Assert.All(result.ToolCalls, c => Assert.True(c.Ok));
        Assert.Equal("Both met.", result.Answer);
    }

    [Fact]
    public async Task RunAsync_ToolThrows_ErrorGoesBackAndModelRecovers()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("lookup", Args(("key", "moon")))).Calls(("lookup", Args(("key", "river")))).Text("The Seine.");

        var result = await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(AgentStopReason.Completed, result.StopReason);
        Assert.False(result.ToolCalls[0].Ok);
        Assert.Contains("No value for 'moon'", result.ToolCalls[0].Outcome, StringComparison.Ordinal);
        Assert.True(result.ToolCalls[1].Ok);
        var sentError = harness.Script.Client.Calls[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single();
        Assert.Contains("Error (not_found)", sentError.Result?.ToString(), StringComparison.Ordinal);
        Assert.Contains("Try 'capital'", sentError.Result?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownTool_ModelToldTheToolsItHas()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("delete_everything", null)).Text("Sorry.");

        var result = await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        var sent = Assert.Single(harness.ToolResultsSent());
        Assert.Contains("no tool named 'delete_everything'", sent, StringComparison.Ordinal);
        Assert.Contains("lookup", sent, StringComparison.Ordinal);
        Assert.False(Assert.Single(result.ToolCalls).Ok);
        Assert.Equal("Sorry.", result.Answer);
    }

    [Fact]
    public async Task RunAsync_ToolCalls_PassTheKernelFiltersAsAgent()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("lookup", Args(("key", "capital"))), ("lookup", Args(("key", "river")))).Text("Done.");

        await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, harness.Filter.Calls.Count);
        Assert.All(harness.Filter.Calls, c => Assert.Equal(("Test.lookup", InvocationSource.Agent), c));
    }

    [Fact]
    public async Task RunAsync_Progress_TextThenToolStartAndEndInOrder()
    {
        var harness = new AgentLoopHarness();
        harness.Script
            .TextAndCalls("Let me look.", ("lookup", Args(("key", "capital"))))
            .Calls(("fail", null))
            .Text("Paris.");

        await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        var reports = harness.Progress.Reports.Select(r => $"{r.Kind}:{r.Message}").ToArray();
        Assert.Equal("TextDelta:Let me look.", reports[0]);
        Assert.StartsWith("Status:→ lookup({\"key\":\"capital\"})", reports[1], StringComparison.Ordinal);
        Assert.Matches("^Status:✓ lookup ok in \\d+ ms$", reports[2]);
        Assert.StartsWith("Status:→ fail(", reports[3], StringComparison.Ordinal);
        Assert.Matches("^Status:✗ fail error in \\d+ ms: Error: the disk is on fire$", reports[4]);
        Assert.Equal("TextDelta:Paris.", reports[5]);
        Assert.Equal(6, reports.Length);
    }

    [Fact]
    public async Task RunAsync_AnyAIFunction_WorksWithoutAKernel()
    {
        var script = new AgentScript().Calls(("add", Args(("a", 2), ("b", 3)))).Text("5");
        var add = AIFunctionFactory.Create((int a, int b) => a + b, "add");

        var result = await new AgentRunner().RunAsync(new AgentRunRequest
        {
            Client = script.Client,
            Conversation = [new(ChatRole.User, "2+3?")],
            Tools = [add],
        }, TestContext.Current.CancellationToken);

        Assert.Equal("5", result.Answer);
        Assert.Equal("5", result.ToolCalls.Single().Outcome);
    }
}
