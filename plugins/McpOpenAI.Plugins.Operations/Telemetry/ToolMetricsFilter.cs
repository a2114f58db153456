using System.Diagnostics;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Operations.Telemetry;

/// <summary>
/// Counts and times every kernel function call — an MCP tool call, one made from the command line, and each tool an
/// agent calls, since all go through the kernel — with its outcome and error code, inside a trace span of its own.
/// </summary>
public sealed class ToolMetricsFilter(OperationsMetrics metrics) : IFunctionInvocationFilter
{
    /// <inheritdoc />
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var tool = Naming.ToSnakeCase(context.Function.Name);
        using var activity = OperationsMetrics.Source.StartActivity($"execute_tool {tool}");
        activity?.SetTag("gen_ai.tool.name", tool);
        activity?.SetTag("mcpopenai.plugin", context.Function.PluginName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
            metrics.ToolCall(tool, "ok", null, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            metrics.ToolCall(tool, "cancelled", null, Stopwatch.GetElapsedTime(started));
            throw;
        }
        catch (Exception ex)
        {
            var code = (ex as FunctionException ?? ex.InnerException as FunctionException)?.Code ?? ErrorCodes.Internal;
            activity?.SetStatus(ActivityStatusCode.Error, code);
            activity?.SetTag("error.type", code);
            metrics.ToolCall(tool, "error", code, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
