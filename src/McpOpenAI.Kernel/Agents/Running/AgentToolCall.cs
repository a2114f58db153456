namespace McpOpenAI.Kernel.Agents;

/// <summary>One tool call an agent made.</summary>
/// <param name="Name">The tool name the model used.</param>
/// <param name="Arguments">The arguments as JSON.</param>
/// <param name="Ok">True when the call succeeded.</param>
/// <param name="Outcome">A short summary: the start of the result, or the error message.</param>
/// <param name="DurationMs">How long the call took, in milliseconds.</param>
public sealed record AgentToolCall(string Name, string Arguments, bool Ok, string Outcome, long DurationMs);
