using System.Text.Json.Serialization;

namespace McpOpenAI.Kernel.Agents;

/// <summary>Why an agent run ended.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<AgentStopReason>))]
public enum AgentStopReason
{
    /// <summary>The model gave its final answer.</summary>
    Completed,

    /// <summary>The run used its allowed number of model turns.</summary>
    MaxIterations,

    /// <summary>Tool calls failed in too many turns in a row.</summary>
    ToolErrors,

    /// <summary>The wall-clock budget ran out.</summary>
    TimeLimit,

    /// <summary>The output-token budget ran out (or the model hit its length limit).</summary>
    OutputTokens,
}
