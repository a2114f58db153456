namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>Plain template text, copied as written.</summary>
internal sealed record TextBlock(string Text, int Line, int Column) : TemplateBlock(Line, Column);
