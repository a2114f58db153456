namespace McpOpenAI.Kernel.Prompts;

/// <summary>What <c>prompt_status</c> returns.</summary>
/// <param name="Root">The prompts folder.</param>
/// <param name="Functions">The prompt functions loaded.</param>
/// <param name="Errors">The broken files (and warnings), with line and column where known.</param>
public sealed record PromptStatusReport(string Root, IReadOnlyList<LoadedPrompt> Functions, IReadOnlyList<PromptFileError> Errors);
