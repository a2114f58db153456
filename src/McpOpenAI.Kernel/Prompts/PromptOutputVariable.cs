namespace McpOpenAI.Kernel.Prompts;

/// <summary>What a prompt returns (Semantic Kernel's <c>output_variable</c>).</summary>
/// <param name="Description">What the output is.</param>
/// <param name="JsonSchema">A JSON schema of the output, when it is structured.</param>
public sealed record PromptOutputVariable(string? Description, string? JsonSchema);
