using System.Globalization;
using System.Text.Json;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using FunctionCallContent = Microsoft.Extensions.AI.FunctionCallContent;
using FunctionResultContent = Microsoft.Extensions.AI.FunctionResultContent;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// One run of an agent: Semantic Kernel's streaming auto function calling (<see cref="FunctionChoiceBehavior.Auto"/>
/// over the kernel's <see cref="IChatClient"/>, with Semantic Kernel's function-invoking layer), so every tool call goes
/// through the kernel and its filters. The caps are <see cref="AgentLimitsFilter"/>'s, plus the wall clock, which
/// cancels the run. While it runs the answer streams out as progress; at the end the conversation holds the whole
/// exchange and the result says what happened.
/// </summary>
internal sealed class AgentChatRun
{
    private readonly Microsoft.SemanticKernel.Kernel _kernel;
    private readonly IReadOnlyList<NamedTool> _tools;
    private readonly PromptExecutionSettings? _settings;
    private readonly AgentLimits _limits;
    private readonly IProgress<FunctionProgress> _progress;

    /// <param name="kernel">The kernel whose chat client, functions and filters the run uses.</param>
    /// <param name="tools">The functions the model may call.</param>
    /// <param name="settings">The model and sampling settings, if any.</param>
    /// <param name="limits">The caps.</param>
    /// <param name="progress">Receives the streamed answer and a line per tool call; null for none.</param>
    public AgentChatRun(Microsoft.SemanticKernel.Kernel kernel, IReadOnlyList<NamedTool> tools, PromptExecutionSettings? settings, AgentLimits limits,
        IProgress<FunctionProgress>? progress)
    {
        _kernel = kernel;
        _tools = tools;
        _settings = settings;
        _limits = limits;
        _progress = progress ?? NoProgress.Instance;
    }

    /// <summary>
    /// Runs the model on <paramref name="conversation"/> until it answers or a cap ends the run, appending the model's
    /// messages and the tool results to it.
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    /// <exception cref="FunctionException">There is no model to run on.</exception>
    public async Task<AgentResult> RunAsync(List<ChatMessage> conversation, string? sessionId, CancellationToken cancellationToken)
    {
        var behavior = new FunctionChoiceBehaviorOptions { AllowConcurrentInvocation = true };
        var settings = Settings(behavior);
        var kernel = WithLimits(_kernel);
        var time = kernel.Services.GetService<TimeProvider>() ?? TimeProvider.System;
        using var deadline = new CancellationTokenSource(_limits.MaxDuration, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var run = new AgentRun(_limits, _tools.Select(AgentTool.From).ToArray(), settings, _progress, linked.Token);
        using var scope = AgentRun.Begin(run);
        using var client = Pipeline(kernel, run, behavior);

        var updates = new List<ChatResponseUpdate>();
        var calls = new Dictionary<string, FunctionCallContent>(StringComparer.Ordinal);
        var text = new TextDeltaBatcher(_progress);
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(conversation, settings.ToChatOptions(kernel), linked.Token).ConfigureAwait(false))
            {
                updates.Add(update);
                Observe(update, run, text, calls);
                if (run.StopReason is not null)
                    break;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            run.Stop(AgentStopReason.TimeLimit);
        }
        text.Flush();

        var messages = updates.ToChatResponse().Messages;
        conversation.AddRange(messages);
        var reason = run.StopReason ?? (run.LastFinishReason == ChatFinishReason.Length ? AgentStopReason.OutputTokens : AgentStopReason.Completed);
        AnswerPendingCalls(conversation, reason);
        var note = reason == AgentStopReason.Completed ? null : Explain(reason, run);
        if (note is not null)
            _progress.Report(new FunctionProgress(Message: "Stopped: " + note));
        var last = messages.LastOrDefault(m => m.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(m.Text))?.Text ?? string.Empty;
        var answer = last.Length > 0 || note is null ? last : "No final answer. " + note;
        return new AgentResult(answer, reason, note, run.Calls, run.Usage, run.Turns, sessionId);
    }

    private PromptExecutionSettings Settings(FunctionChoiceBehaviorOptions behavior)
    {
        var settings = new PromptExecutionSettings
        {
            ModelId = _settings?.ModelId,
            ServiceId = _settings?.ServiceId,
            ExtensionData = _settings?.ExtensionData is { } data ? new Dictionary<string, object>(data) : null,
        };
        // An explicit list: an empty one offers no tools (null would offer every function of the kernel).
        settings.FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(_tools.Select(t => t.Function).ToArray(), autoInvoke: true, options: behavior);
        return settings;
    }

    // Every kernel of the application has the filter (it is a service); a kernel built elsewhere gets it for this run.
    private static Microsoft.SemanticKernel.Kernel WithLimits(Microsoft.SemanticKernel.Kernel kernel)
    {
        if (kernel.AutoFunctionInvocationFilters.Any(f => f is AgentLimitsFilter))
            return kernel;
        var copy = kernel.Clone();
        copy.AutoFunctionInvocationFilters.Add(new AgentLimitsFilter());
        return copy;
    }

    // The kernel's chat client under Semantic Kernel's function-invoking layer, with the run's turn budget and tool names between.
    private static IChatClient Pipeline(Microsoft.SemanticKernel.Kernel kernel, AgentRun run, FunctionChoiceBehaviorOptions behavior)
    {
        var model = kernel.Services.GetService<IChatClient>() ?? throw new FunctionException(ErrorCodes.NotConfigured,
            "The application has no chat model for agents (no IChatClient service).", ["Configure an OpenAI API key, or register an IChatClient."]);
        var client = new ChatClientBuilder(model)
            .UseKernelFunctionInvocation(kernel.Services.GetService<ILoggerFactory>())
            .Use(inner => new TurnBudgetChatClient(inner, run))
            .Use(inner => new ToolNamesChatClient(inner, run.Tools))
            .Build(kernel.Services);
        if (client.GetService<FunctionInvokingChatClient>() is { } invoking)
        {
            invoking.AllowConcurrentInvocation = behavior.AllowConcurrentInvocation;
            // Backstops only: the filter ends the run first, with a reason and a partial answer.
            invoking.MaximumIterationsPerRequest = run.Limits.MaxIterations;
            invoking.MaximumConsecutiveErrorsPerRequest = run.Limits.MaxConsecutiveErrors;
        }
        return client;
    }

    // Streams the text out, and accounts for the calls function calling answered without the filter: those of tools the
    // agent does not have.
    private static void Observe(ChatResponseUpdate update, AgentRun run, TextDeltaBatcher text, Dictionary<string, FunctionCallContent> calls)
    {
        text.Add(update.Text);
        foreach (var content in update.Contents)
        {
            switch (content)
            {
                case FunctionCallContent call:
                    calls[call.CallId] = call;
                    text.Flush();
                    break;
                case FunctionResultContent result when !run.WasHandled(result.CallId) && calls.TryGetValue(result.CallId, out var unknown):
                    run.Handled(result.CallId);
                    var arguments = KernelJson.Serialize(unknown.Arguments ?? new Dictionary<string, object?>());
                    var (sequence, _) = run.StartCall(unknown.Name, arguments);
                    var outcome = AgentText.ToText(result.Result);
                    run.EndCall(sequence, run.Turns - 1, new AgentToolCall(unknown.Name, arguments, false, AgentText.Shorten(outcome, 300), 0));
                    break;
            }
        }
    }

    // A model message with tool calls must be followed by their results, or the history cannot be sent again.
    private static void AnswerPendingCalls(List<ChatMessage> conversation, AgentStopReason reason)
    {
        var answered = conversation.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId).ToHashSet(StringComparer.Ordinal);
        var pending = conversation.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Where(c => !answered.Contains(c.CallId)).ToArray();
        if (pending.Length > 0)
            conversation.Add(new ChatMessage(ChatRole.Tool, [.. pending.Select(c => (AIContent)new FunctionResultContent(c.CallId, AgentText.NotRun(reason)))]));
    }

    private static string Explain(AgentStopReason reason, AgentRun run) => reason switch
    {
        AgentStopReason.MaxIterations => $"The agent used its {run.Limits.MaxIterations} model turns without reaching a final answer; the answer is what it had so far. Ask a narrower question, or continue the session.",
        AgentStopReason.ToolErrors => $"Tool calls failed in {run.FailedTurnsInARow} turns in a row, so the agent stopped. Last error: {run.Calls.LastOrDefault(c => !c.Ok)?.Outcome}",
        AgentStopReason.TimeLimit => $"The agent ran out of time ({run.Limits.MaxDuration.TotalSeconds:0} s); the answer is what it had so far. Ask a narrower question or raise the agent's max_duration_seconds.",
        AgentStopReason.OutputTokens => $"The agent reached its output-token limit ({(run.Limits.MaxOutputTokens is { } cap ? cap.ToString(CultureInfo.InvariantCulture) : "the model's maximum")}); the answer may be cut short.",
        _ => string.Empty,
    };

    private sealed class NoProgress : IProgress<FunctionProgress>
    {
        public static readonly NoProgress Instance = new();

        public void Report(FunctionProgress value)
        {
        }
    }
}
