namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>One piece of a parsed Semantic Kernel template; <see cref="Line"/> and <see cref="Column"/> locate it.</summary>
internal abstract record TemplateBlock(int Line, int Column);
