using Microsoft.SemanticKernel;

namespace PluginApps.Tests.Infrastructure;

/// <summary>A kernel function filter that records which functions ran through the kernel's filter pipeline.</summary>
internal sealed class RecordingFilter : IFunctionInvocationFilter
{
    private readonly List<string> _invoked = [];

    public IReadOnlyList<string> Invoked
    {
        get { lock (_invoked) return [.. _invoked]; }
    }

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        lock (_invoked) _invoked.Add($"{context.Function.PluginName}.{context.Function.Name}");
        await next(context);
    }
}
