namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>What a template refers to, found when its file loads so a typo is reported with its line.</summary>
/// <param name="Variables">The variables it reads (outside loops and other changes of context).</param>
/// <param name="Functions">The kernel functions it calls.</param>
internal sealed record TemplateReferences(IReadOnlyList<TemplateVariableReference> Variables, IReadOnlyList<TemplateFunctionReference> Functions);
