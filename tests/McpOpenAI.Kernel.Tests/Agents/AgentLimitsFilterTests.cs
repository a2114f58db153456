using McpOpenAI.Kernel.Agents;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace McpOpenAI.Kernel.Tests.Agents;

public sealed class AgentLimitsFilterTests
{
    [Fact]
    public async Task Filter_OutsideAnAgentRun_LeavesTheCallAlone()
    {
        var test = new AgentTestKernel();
        Assert.Single(test.Kernel.AutoFunctionInvocationFilters.OfType<AgentLimitsFilter>());
        Assert.True(test.Host.TryGetFunction("Test", "lookup", out _, out var lookup));
        var context = new AutoFunctionInvocationContext(test.Kernel, lookup, new FunctionResult(lookup), new ChatHistory(), new ChatMessageContent(AuthorRole.Assistant, "hi"))
        {
            Arguments = new KernelArguments { ["key"] = "capital" },
        };
        var called = false;

        await new AgentLimitsFilter().OnAutoFunctionInvocationAsync(context, c =>
        {
            called = true;
            c.Result = new FunctionResult(lookup, "Paris");
            return Task.CompletedTask;
        });

        Assert.True(called);
        Assert.False(context.Terminate);
        Assert.Equal("Paris", context.Result.GetValue<string>());
    }
}
