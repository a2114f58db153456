using System.Text.Json;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Errors;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// The caps of an agent run (<see cref="AgentLimits"/>) as a Semantic Kernel auto-function-invocation filter: before a
/// tool call it refuses the calls of the last allowed model turn, and of a turn after the output tokens ran out; after
/// it, a failed call that makes one turn too many in a row with a failure ends the run. Either way it sets
/// <c>Terminate</c>, so function calling stops and the run returns what the model
/// had written with the reason. It also turns every outcome into text the model can read — a tool's error included,
/// so the model can recover — and reports each call as progress. Calls outside an agent run pass through untouched.
/// </summary>
public sealed class AgentLimitsFilter : IAutoFunctionInvocationFilter
{
    /// <inheritdoc />
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (AgentRun.Current is not { } run || !ReferenceEquals(context.ExecutionSettings, run.Settings))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var turn = context.RequestSequenceIndex;
        run.Handled(context.CallContent.CallId);
        if (run.Refuse(turn) is { } reason)
        {
            context.Result = new FunctionResult(context.Function, AgentText.NotRun(reason));
            context.Terminate = true;
            return;
        }

        var tool = run.ToolFor(context.Function);
        var name = tool?.ToolName ?? context.Function.Name;
        var argumentsJson = KernelJson.Serialize(context.CallContent.Arguments ?? new Dictionary<string, object?>());
        var (sequence, clock) = run.StartCall(name, argumentsJson);
        string text;
        bool ok;
        try
        {
            if (tool is not null && context.Arguments is { } arguments)
                Rename(arguments, tool);
            // The tool runs as the agent's call: filters see who started it, and its own streamed output is not the agent's answer.
            using (CallContext.Begin(CallContext.Current is { } outer ? outer with { Source = InvocationSource.Agent, Progress = null } : new CallContext { Source = InvocationSource.Agent }))
                await next(context).ConfigureAwait(false);
            (text, ok) = (AgentText.ToText(context.Result.GetValue<object>()), true);
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            run.Progress.Report(new Plugins.FunctionProgress(Message: $"✗ {name} cancelled after {clock.ElapsedMilliseconds} ms"));
            throw;
        }
        catch (FunctionException ex)
        {
            (text, ok) = ($"Error ({ex.Code}): {ex.Message}{(ex.Suggestions.Count > 0 ? " " + string.Join(" ", ex.Suggestions) : string.Empty)}", false);
        }
#pragma warning disable CA1031 // Any tool failure goes back to the model as an error it can recover from.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            (text, ok) = ($"Error: {(ex is KernelException { InnerException: { } inner } ? inner.Message : ex.Message)}", false);
        }

        context.Result = new FunctionResult(context.Function, AgentText.Cut(text, run.Limits.MaxToolResultChars));
        if (run.EndCall(sequence, turn, new AgentToolCall(name, argumentsJson, ok, AgentText.Shorten(text, 300), clock.ElapsedMilliseconds)))
            context.Terminate = true;
    }

    // The model uses the tool's names for its arguments (snake_case, as MCP clients see them); the function takes its own.
    private static void Rename(KernelArguments arguments, AgentTool tool)
    {
        var mapped = tool.Schema.ToArguments(arguments.ToArray());
        arguments.Clear();
        foreach (var (key, value) in mapped)
            arguments[key] = value;
    }
}
