using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// Sits under Semantic Kernel's function calling, where each request is one model turn of an agent run: it counts the
/// turn, caps the turn's output tokens at what the run has left, and adds up the turn's usage and how it ended.
/// </summary>
internal sealed class TurnBudgetChatClient(IChatClient inner, AgentRun run) : DelegatingChatClient(inner)
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        run.TurnStarted();
        var turn = options?.Clone() ?? new ChatOptions();
        if (run.RemainingOutputTokens is { } remaining)
            turn.MaxOutputTokens = (int)Math.Clamp(Math.Min(turn.MaxOutputTokens ?? int.MaxValue, remaining), 1, int.MaxValue);
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, turn, cancellationToken).ConfigureAwait(false))
            {
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent used)
                        (usage ??= new UsageDetails()).Add(used.Details);
                }
                finish = update.FinishReason ?? finish;
                yield return update;
            }
        }
        finally
        {
            run.TurnEnded(usage, finish);
        }
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);
}
