using System.Text;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// The agent loop: streams a model turn, runs the tool calls it asks for (several at once, each through the
/// tool's own <see cref="AIFunction"/> — for kernel functions, through the kernel's filters), sends the results
/// back, and repeats until the model answers. Every cap in <see cref="AgentLimits"/> ends the run with a partial
/// result; tool errors and unknown tools go back to the model; cancellation stops the stream and the tools at once.
/// </summary>
public sealed class AgentRunner
{
    private readonly TimeProvider _time;

    /// <summary>Creates a runner.</summary>
    /// <param name="timeProvider">The clock for the wall-clock budget; the system clock by default.</param>
    public AgentRunner(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Runs the agent until it answers or a cap is reached.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<AgentResult> RunAsync(AgentRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limits = request.Limits;
        var progress = request.Progress ?? NoProgress.Instance;
        using var budget = new CancellationTokenSource(limits.MaxDuration, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var token = linked.Token;
        var invoker = new AgentToolInvoker(request.Tools, request.CallerArguments, progress, limits.MaxToolResultChars);
        var state = new RunState();

        AgentStopReason reason;
        try
        {
            reason = await LoopAsync(request, invoker, progress, state, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            reason = AgentStopReason.TimeLimit;
            if (state.Streamed.Length > 0)
                state.LastText = state.Streamed.ToString();
        }
        AnswerPendingCalls(request.Conversation, reason);

        var note = reason == AgentStopReason.Completed ? null : Explain(reason, limits, state);
        if (note is not null)
            progress.Report(new FunctionProgress(Message: "Stopped: " + note));
        var answer = state.LastText.Length > 0 || note is null ? state.LastText : "No final answer. " + note;
        return new AgentResult(answer, reason, note, state.Calls, state.Usage, state.Iterations, request.SessionId);
    }

    private static async Task<AgentStopReason> LoopAsync(AgentRunRequest request, AgentToolInvoker invoker,
        IProgress<FunctionProgress> progress, RunState state, CancellationToken token)
    {
        var limits = request.Limits;
        while (true)
        {
            if (state.Iterations >= limits.MaxIterations)
                return AgentStopReason.MaxIterations;
            var remaining = limits.MaxOutputTokens - state.Usage.OutputTokens;
            if (remaining <= 0)
                return AgentStopReason.OutputTokens;

            state.Iterations++;
            var response = await StreamTurnAsync(request, remaining, progress, state.Streamed, token).ConfigureAwait(false);
            state.Usage = state.Usage.Add(response.Usage);
            request.Conversation.AddRange(response.Messages);
            if (!string.IsNullOrWhiteSpace(response.Text))
                state.LastText = response.Text;

            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Where(c => !c.InformationalOnly).ToArray();
            if (calls.Length == 0)
                return response.FinishReason == ChatFinishReason.Length ? AgentStopReason.OutputTokens : AgentStopReason.Completed;
            if (state.Usage.OutputTokens >= limits.MaxOutputTokens)
                return AgentStopReason.OutputTokens;

            var results = await Task.WhenAll(calls.Select(c => invoker.InvokeAsync(c, token))).ConfigureAwait(false);
            state.Calls.AddRange(results.Select(r => r.Record));
            request.Conversation.Add(new ChatMessage(ChatRole.Tool, results.Select(r => (AIContent)r.Result).ToList()));

            state.ErrorTurns = results.Any(r => !r.Record.Ok) ? state.ErrorTurns + 1 : 0;
            if (state.ErrorTurns >= limits.MaxConsecutiveErrors)
                return AgentStopReason.ToolErrors;
        }
    }

    private static async Task<ChatResponse> StreamTurnAsync(AgentRunRequest request, long? remainingTokens,
        IProgress<FunctionProgress> progress, StringBuilder streamed, CancellationToken token)
    {
        var options = request.Options?.Clone() ?? new ChatOptions();
        if (request.Tools.Count > 0)
        {
            options.Tools = [.. request.Tools];
            options.ToolMode ??= ChatToolMode.Auto;
        }
        if (remainingTokens is { } remaining)
            options.MaxOutputTokens = (int)Math.Min(options.MaxOutputTokens ?? int.MaxValue, remaining);

        streamed.Clear();
        var batcher = new TextDeltaBatcher(progress);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in request.Client.GetStreamingResponseAsync(request.Conversation.ToArray(), options, token).WithCancellation(token).ConfigureAwait(false))
        {
            updates.Add(update);
            var text = update.Text;
            if (string.IsNullOrEmpty(text))
                continue;
            streamed.Append(text);
            batcher.Add(text);
        }
        batcher.Flush();
        return updates.ToChatResponse();
    }

    // A model message with tool calls must be followed by their results, or the history cannot be sent again.
    private static void AnswerPendingCalls(List<ChatMessage> conversation, AgentStopReason reason)
    {
        var answered = conversation.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId).ToHashSet(StringComparer.Ordinal);
        var pending = conversation.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Where(c => !c.InformationalOnly && !answered.Contains(c.CallId)).ToArray();
        if (pending.Length > 0)
            conversation.Add(new ChatMessage(ChatRole.Tool, pending.Select(c => (AIContent)new FunctionResultContent(c.CallId, $"Not run: the agent stopped ({reason}).")).ToList()));
    }

    private static string Explain(AgentStopReason reason, AgentLimits limits, RunState state) => reason switch
    {
        AgentStopReason.MaxIterations => $"The agent used its {limits.MaxIterations} model turns without reaching a final answer; the answer is what it had so far. Ask a narrower question, or continue the session.",
        AgentStopReason.ToolErrors => $"Tool calls failed in {state.ErrorTurns} turns in a row, so the agent stopped. Last error: {state.Calls.LastOrDefault(c => !c.Ok)?.Outcome}",
        AgentStopReason.TimeLimit => $"The agent ran out of time ({limits.MaxDuration.TotalSeconds:0} s); the answer is what it had so far. Ask a narrower question or raise the agent's max_duration_seconds.",
        AgentStopReason.OutputTokens => $"The agent reached its output-token limit ({(limits.MaxOutputTokens is { } cap ? cap.ToString(System.Globalization.CultureInfo.InvariantCulture) : "the model's maximum")}); the answer may be cut short.",
        _ => string.Empty,
    };

    private sealed class RunState
    {
        public List<AgentToolCall> Calls { get; } = [];
        public StringBuilder Streamed { get; } = new();
        public AgentUsage Usage { get; set; } = AgentUsage.None;
        public string LastText { get; set; } = string.Empty;
        public int Iterations { get; set; }
        public int ErrorTurns { get; set; }
    }

    private sealed class NoProgress : IProgress<FunctionProgress>
    {
        public static readonly NoProgress Instance = new();

        public void Report(FunctionProgress value)
        {
        }
    }
}
