using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using static McpOpenAI.Kernel.Tests.Agents.AgentScript;
using FunctionCallContent = Microsoft.Extensions.AI.FunctionCallContent;
using FunctionResultContent = Microsoft.Extensions.AI.FunctionResultContent;
using FunctionInvocationContext = Microsoft.SemanticKernel.FunctionInvocationContext;

namespace McpOpenAI.Kernel.Tests.Agents;

public sealed class AgentChatRunTests
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
        Assert.Equal(1, result.Usage.ModelCalls);
        Assert.Equal("s1", result.Session);
        Assert.Equal("The answer is 42.", harness.Progress.Transcript);
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
        Assert.Contains("lookup", harness.Script.Client.Calls[0].Options!.Tools!.Select(t => t.Name));
    }

    [Fact]
    public async Task RunAsync_ToolNames_TheModelSeesMcpNamesAndSnakeCaseArgumentsInEveryTurn()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("count_words", Args(("text_to_count", "one two three")))).Text("Three.");

        var result = await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["3"], harness.ToolResultsSent());
        Assert.True(Assert.Single(result.ToolCalls).Ok);
        var offered = harness.Script.Client.Calls[0].Options!.Tools!.OfType<AIFunctionDeclaration>().Single(t => t.Name == "count_words");
        Assert.True(offered.JsonSchema.GetProperty("properties").TryGetProperty("text_to_count", out _));
        // The second request repeats the first turn: its call carries the name the model used.
        Assert.Equal("count_words", harness.Script.Client.LastCall.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single().Name);
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
        Assert.Equal(["meet", "meet"], result.ToolCalls.Select(c => c.Name));
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
    public async Task RunAsync_UnknownTool_ModelIsToldAndTheCallIsRecordedAsFailed()
    {
        var harness = new AgentLoopHarness();
        harness.Script.Calls(("delete_everything", null)).Text("Sorry.");

        var result = await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        var sent = Assert.Single(harness.ToolResultsSent());
        Assert.Contains("\"delete_everything\" not found", sent, StringComparison.Ordinal);
        var call = Assert.Single(result.ToolCalls);
        Assert.False(call.Ok);
        Assert.Equal("delete_everything", call.Name);
        Assert.Contains(harness.Progress.StatusLines, l => l.StartsWith("✗ delete_everything error", StringComparison.Ordinal));
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
    public async Task RunAsync_AFunctionFilterRefusesTheCall_ToolDoesNotRunAndTheModelIsTold()
    {
        var harness = new AgentLoopHarness(new DenyingFilter("lookup"));
        harness.Script.Calls(("lookup", Args(("key", "capital")))).Text("I may not look that up.");

        var result = await harness.RunAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("Error (permission_denied)", Assert.Single(harness.ToolResultsSent()), StringComparison.Ordinal);
        Assert.False(Assert.Single(result.ToolCalls).Ok);
        Assert.Equal("I may not look that up.", result.Answer);
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

        Assert.Matches(@"^Let me look\.\[→ lookup\(\{""key"":""capital""\}\)\]\[✓ lookup ok in \d+ ms\]\[→ fail\(\{\}\)\]\[✗ fail error in \d+ ms: Error: the disk is on fire\]Paris\.$",
            harness.Progress.Transcript);
    }

    private sealed class DenyingFilter(string function) : IFunctionInvocationFilter
    {
        public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next) =>
            context.Function.Name == function
                ? throw new FunctionException(ErrorCodes.PermissionDenied, $"This token may not call {context.Function.PluginName}.{context.Function.Name}.")
                : next(context);
    }
}
