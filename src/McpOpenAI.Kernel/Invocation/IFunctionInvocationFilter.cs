namespace McpOpenAI.Kernel.Invocation;

/// <summary>The next step of the invocation pipeline.</summary>
public delegate ValueTask<object?> FunctionInvocationDelegate(FunctionInvocationContext context);

/// <summary>
/// A step in the kernel's invocation pipeline (permissions, rate limits, cache, metrics). Every call,
/// from an MCP client, an agent, a template or the command line, passes the same filters in order.
/// </summary>
public interface IFunctionInvocationFilter
{
    /// <summary>Runs around the call; call <paramref name="next"/> to continue, or return without it to short-circuit.</summary>
    ValueTask<object?> InvokeAsync(FunctionInvocationContext context, FunctionInvocationDelegate next);
}
