using System.ComponentModel;
using System.Text.Json.Serialization;

namespace McpOpenAI.Kernel.Agents;

/// <summary>What an agent run produced.</summary>
/// <param name="Answer">The final answer; when the run stopped early, what the model had written so far.</param>
/// <param name="StopReason">Why the run ended.</param>
/// <param name="Note">When the run stopped early, what happened and what to do; null when it completed.</param>
/// <param name="ToolCalls">Every tool call, in the order they started.</param>
/// <param name="Usage">Token usage over the run.</param>
/// <param name="Iterations">How many model turns the run took.</param>
/// <param name="Session">The session id; pass it as <c>session</c> to continue the conversation.</param>
public sealed record AgentResult(
    [property: Description("The agent's answer (partial when it stopped early).")] string Answer,
    [property: JsonConverter(typeof(AgentStopReasonConverter))]
    [property: Description("Why the run ended: completed, max_iterations, tool_errors, time_limit or output_tokens.")] AgentStopReason StopReason,
    [property: Description("When the run stopped early: what happened.")] string? Note,
    [property: Description("The tool calls the agent made, in order.")] IReadOnlyList<AgentToolCall> ToolCalls,
    [property: Description("Token usage over the run.")] AgentUsage Usage,
    [property: Description("How many model turns the run took.")] int Iterations,
    [property: Description("Pass this as 'session' to continue the conversation.")] string? Session);
