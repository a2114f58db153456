using System.ClientModel.Primitives;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Plugins.Operations.Pipeline;

namespace McpOpenAI.Plugins.Operations.Budget;

/// <summary>Refuses a paid request before it is sent when the server's or the caller's budget is used up; free ones pass.</summary>
public sealed class BudgetPolicy(BudgetGuard guard) : OperationsPolicy
{
    /// <inheritdoc />
    protected override async ValueTask RunAsync(PipelineMessage message, Func<ValueTask> next)
    {
        if (!OpenAIRequest.Of(message).IsFree)
            await guard.EnsureWithinAsync(CallContext.Current?.CallerId, message.CancellationToken).ConfigureAwait(false);
        await next().ConfigureAwait(false);
    }
}
