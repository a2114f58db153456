namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>A 1-based line and column in a prompt file.</summary>
internal readonly record struct SourcePosition(int Line, int Column);
