using McpOpenAI.Kernel.Calls;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>A kernel function filter that records every call it sees, and who started it.</summary>
internal sealed class RecordingFilter : IFunctionInvocationFilter
{
    private readonly List<(string Name, InvocationSource Source)> _calls = [];

    public IReadOnlyList<(string Name, InvocationSource Source)> Calls
    {
        get
        {
            lock (_calls)
                return _calls.ToArray();
        }
    }

    public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        lock (_calls)
            _calls.Add(($"{context.Function.PluginName}.{context.Function.Name}", CallContext.Current?.Source ?? InvocationSource.Direct));
        return next(context);
    }
}
