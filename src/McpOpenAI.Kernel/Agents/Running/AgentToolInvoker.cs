using System.Diagnostics;
using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// Runs one tool call of the model and turns any outcome — a result, an error, an unknown tool, bad arguments —
/// into a <see cref="FunctionResultContent"/> the model can read and recover from. Only cancellation escapes.
/// </summary>
internal sealed class AgentToolInvoker
{
    private readonly Dictionary<string, AIFunction> _tools;
    private readonly AIFunctionArguments? _caller;
    private readonly IProgress<FunctionProgress> _progress;
    private readonly int _maxResultChars;

    public AgentToolInvoker(IReadOnlyList<AIFunction> tools, AIFunctionArguments? caller, IProgress<FunctionProgress> progress, int maxResultChars)
    {
        _tools = new(StringComparer.Ordinal);
        foreach (var tool in tools)
            _tools.TryAdd(tool.Name, tool);
        _caller = caller;
        _progress = progress;
        _maxResultChars = maxResultChars;
    }

    public async Task<(FunctionResultContent Result, AgentToolCall Record)> InvokeAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var argumentsJson = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AgentText.CompactJson);
        _progress.Report(new FunctionProgress(Message: $"→ {call.Name}({AgentText.Shorten(argumentsJson, 120)})"));
        var watch = Stopwatch.StartNew();
        string text;
        bool ok;
        try
        {
            (text, ok) = await RunAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _progress.Report(new FunctionProgress(Message: $"✗ {call.Name} cancelled after {watch.ElapsedMilliseconds} ms"));
            throw;
        }
        var elapsed = watch.ElapsedMilliseconds;
        _progress.Report(new FunctionProgress(Message: ok
            ? $"✓ {call.Name} ok in {elapsed} ms"
            : $"✗ {call.Name} error in {elapsed} ms: {AgentText.Shorten(text, 160)}"));
        var record = new AgentToolCall(call.Name, argumentsJson, ok, AgentText.Shorten(text, 300), elapsed);
        return (new FunctionResultContent(call.CallId, AgentText.Cut(text, _maxResultChars)), record);
    }

    private async Task<(string Text, bool Ok)> RunAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        if (!_tools.TryGetValue(call.Name, out var tool))
        {
            return ($"Error: there is no tool named '{call.Name}'. The tools you can call are: {string.Join(", ", _tools.Keys.Order(StringComparer.Ordinal))}.", false);
        }
        if (call.Exception is { } parseError)
            return ($"Error: the arguments for '{call.Name}' were not valid JSON ({parseError.Message}). Send a JSON object matching the tool's schema.", false);

        var arguments = new AIFunctionArguments(call.Arguments ?? new Dictionary<string, object?>())
        {
            Services = _caller?.Services,
            Context = _caller?.Context is { } context ? new Dictionary<object, object?>(context) : null,
        };
        FunctionContext.SetProgress(arguments, SilentProgress.Instance);
        try
        {
            var value = await tool.InvokeAsync(arguments, cancellationToken).ConfigureAwait(false);
            return (AgentText.ToText(value), true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (FunctionException ex)
        {
            var suggestions = ex.Suggestions.Count > 0 ? " " + string.Join(" ", ex.Suggestions) : string.Empty;
            return ($"Error ({ex.Code}): {ex.Message}{suggestions}", false);
        }
#pragma warning disable CA1031 // Any tool failure goes back to the model as an error it can recover from.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ($"Error: {ex.Message}", false);
        }
    }

    private sealed class SilentProgress : IProgress<FunctionProgress>
    {
        public static readonly SilentProgress Instance = new();

        public void Report(FunctionProgress value)
        {
        }
    }
}
