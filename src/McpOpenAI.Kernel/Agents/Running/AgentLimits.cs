namespace McpOpenAI.Kernel.Agents;

/// <summary>The caps on one agent run. Reaching any of them ends the run with a partial result, never a hang.</summary>
public sealed record AgentLimits
{
    /// <summary>The defaults: 10 model turns, 3 turns in a row with failed tool calls, 5 minutes, no token cap.</summary>
    public static AgentLimits Default { get; } = new();

    /// <summary>The most model turns (requests to the model) in one run.</summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>How many turns in a row may have a failed tool call before the run stops.</summary>
    public int MaxConsecutiveErrors { get; init; } = 3;

    /// <summary>The wall-clock budget of the whole run.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The most output tokens the model may produce over the whole run; null for no cap.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>The longest tool result, in characters, sent back to the model (longer ones are cut, and say so).</summary>
    public int MaxToolResultChars { get; init; } = 20_000;
}
