namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>A variable a template reads, with where it does so.</summary>
internal sealed record TemplateVariableReference(string Name, int? Line, int? Column);
