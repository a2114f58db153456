using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>Token usage summed over every model turn of a run.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="TotalTokens">Both.</param>
/// <param name="ModelCalls">How many requests went to the model.</param>
public sealed record AgentUsage(long InputTokens, long OutputTokens, long TotalTokens, int ModelCalls)
{
    /// <summary>No usage.</summary>
    public static AgentUsage None { get; } = new(0, 0, 0, 0);

    /// <summary>Adds one turn's usage.</summary>
    public AgentUsage Add(UsageDetails? usage) => new(
        InputTokens + (usage?.InputTokenCount ?? 0),
        OutputTokens + (usage?.OutputTokenCount ?? 0),
        TotalTokens + (usage?.TotalTokenCount ?? (usage?.InputTokenCount ?? 0) + (usage?.OutputTokenCount ?? 0)),
        ModelCalls + 1);
}
