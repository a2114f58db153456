using McpOpenAI.Kernel.Invocation;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>Records every call that passes the kernel's filter pipeline.</summary>
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

    public ValueTask<object?> InvokeAsync(FunctionInvocationContext context, FunctionInvocationDelegate next)
    {
        lock (_calls)
            _calls.Add((context.QualifiedName, context.Source));
        return next(context);
    }
}
