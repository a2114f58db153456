using McpOpenAI.Kernel.Prompts;

namespace McpOpenAI.Kernel.Agents;

/// <summary>The outcome of loading an agents folder.</summary>
/// <param name="Agents">The agents that loaded.</param>
/// <param name="Errors">The files that did not, with file, line and what to fix.</param>
public sealed record AgentLoadResult(IReadOnlyList<AgentFunction> Agents, IReadOnlyList<PromptFileError> Errors);
