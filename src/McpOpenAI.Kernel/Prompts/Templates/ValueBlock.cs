namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary><c>{{'text'}}</c>: a literal, escapes already applied.</summary>
internal sealed record ValueBlock(string Value, int Line, int Column) : TemplateBlock(Line, Column);
