using System.Diagnostics;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// The state of one agent run, shared by the pieces Semantic Kernel's function calling runs through: the chat layers
/// count model turns and tokens, <see cref="AgentLimitsFilter"/> checks the caps and records each tool call, and the
/// run reads the outcome. It rides on the run's logical thread (<see cref="Current"/>); the filter knows its own run
/// by the execution settings the run's requests carry.
/// </summary>
internal sealed class AgentRun
{
    private static readonly AsyncLocal<AgentRun?> Ambient = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AgentTool> _byKernelName;
    private readonly SortedDictionary<int, AgentToolCall> _calls = [];
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
    private readonly HashSet<int> _failedTurns = [];
    private int _callSequence;
    private AgentUsage _usage = AgentUsage.None;
    private AgentStopReason? _stopReason;

    public AgentRun(AgentLimits limits, IReadOnlyList<AgentTool> tools, PromptExecutionSettings settings, IProgress<FunctionProgress> progress, CancellationToken token)
    {
        Limits = limits;
        Tools = tools;
        Settings = settings;
        Progress = progress;
        Token = token;
        _byKernelName = tools.GroupBy(t => t.KernelName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The run in progress on this logical thread, if any.</summary>
    public static AgentRun? Current => Ambient.Value;

    public AgentLimits Limits { get; }

    public IReadOnlyList<AgentTool> Tools { get; }

    /// <summary>The settings every request of this run carries; how the filter tells its run from another's.</summary>
    public PromptExecutionSettings Settings { get; }

    public IProgress<FunctionProgress> Progress { get; }

    /// <summary>Cancelled when the caller cancels or the wall-clock budget runs out.</summary>
    public CancellationToken Token { get; }

    /// <summary>Why the run stopped early; null while it may go on.</summary>
    public AgentStopReason? StopReason
    {
        get
        {
            lock (_gate)
                return _stopReason;
        }
    }

    /// <summary>The model turns started so far.</summary>
    public int Turns { get; private set; }

    /// <summary>How the last model turn ended.</summary>
    public ChatFinishReason? LastFinishReason { get; private set; }

    /// <summary>Token usage so far; <see cref="AgentUsage.ModelCalls"/> counts the turns started.</summary>
    public AgentUsage Usage
    {
        get
        {
            lock (_gate)
                return _usage with { ModelCalls = Turns };
        }
    }

    /// <summary>The output tokens the next turn may use; null when there is no cap.</summary>
    public long? RemainingOutputTokens => Limits.MaxOutputTokens - Usage.OutputTokens;

    /// <summary>Makes <paramref name="run"/> current until the returned scope is disposed.</summary>
    public static IDisposable Begin(AgentRun run)
    {
        var previous = Ambient.Value;
        Ambient.Value = run;
        return new Scope(previous);
    }

    public void TurnStarted()
    {
        lock (_gate)
            Turns++;
    }

    public void TurnEnded(UsageDetails? usage, ChatFinishReason? finishReason)
    {
        lock (_gate)
        {
            _usage = _usage.Add(usage);
            LastFinishReason = finishReason;
        }
    }

    /// <summary>Ends the run early; the first reason wins.</summary>
    public void Stop(AgentStopReason reason)
    {
        lock (_gate)
            _stopReason ??= reason;
    }

    /// <summary>
    /// Why the calls the model asked for in turn <paramref name="turn"/> (0-based) must not run: the run stopped, the
    /// turn was the last one allowed, or the model used up the output tokens. Null when they may run.
    /// </summary>
    public AgentStopReason? Refuse(int turn)
    {
        var reason = StopReason
            ?? (turn + 1 >= Limits.MaxIterations ? AgentStopReason.MaxIterations
                : RemainingOutputTokens <= 0 ? AgentStopReason.OutputTokens
                : null);
        if (reason is { } stop)
            Stop(stop);
        return reason;
    }

    /// <summary>The function's tool, by the name Semantic Kernel's function calling gave it.</summary>
    public AgentTool? ToolFor(KernelFunction function) =>
        _byKernelName.TryGetValue(((AIFunction)function).Name, out var tool) ? tool : null;

    /// <summary>Marks a call as handled by the filter (run, or refused) so it is not taken for an unknown tool.</summary>
    public void Handled(string callId)
    {
        lock (_gate)
            _handled.Add(callId);
    }

    public bool WasHandled(string callId)
    {
        lock (_gate)
            return _handled.Contains(callId);
    }

    /// <summary>Announces a call and reserves its place in the record (calls are listed in the order they started).</summary>
    public (int Sequence, Stopwatch Clock) StartCall(string toolName, string argumentsJson)
    {
        Progress.Report(new FunctionProgress(Message: $"→ {toolName}({AgentText.Shorten(argumentsJson, 120)})"));
        return (Interlocked.Increment(ref _callSequence), Stopwatch.StartNew());
    }

    /// <summary>
    /// Records a finished call of turn <paramref name="turn"/> and reports it; true when it makes one turn too many in
    /// a row with a failed call, so the run must stop.
    /// </summary>
    public bool EndCall(int sequence, int turn, AgentToolCall call)
    {
        Progress.Report(new FunctionProgress(Message: call.Ok
            ? $"✓ {call.Name} ok in {call.DurationMs} ms"
            : $"✗ {call.Name} error in {call.DurationMs} ms: {AgentText.Shorten(call.Outcome, 160)}"));
        lock (_gate)
        {
            _calls[sequence] = call;
            if (call.Ok)
                return false;
            _failedTurns.Add(turn);
            if (FailedInARow(turn) < Limits.MaxConsecutiveErrors)
                return false;
            _stopReason ??= AgentStopReason.ToolErrors;
            return true;
        }
    }

    /// <summary>The calls that finished, in the order they started.</summary>
    public IReadOnlyList<AgentToolCall> Calls
    {
        get
        {
            lock (_gate)
                return [.. _calls.Values];
        }
    }

    /// <summary>How many turns in a row, up to the last, had a failed call.</summary>
    public int FailedTurnsInARow
    {
        get
        {
            lock (_gate)
                return FailedInARow(Turns - 1);
        }
    }

    private int FailedInARow(int lastTurn)
    {
        var inARow = 0;
        while (_failedTurns.Contains(lastTurn - inARow))
            inARow++;
        return inARow;
    }

    private sealed class Scope(AgentRun? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
