namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>A variable a template reads, as the template writes it (<c>{{$name}}</c>, <c>{{name}}</c>), and where.</summary>
internal sealed record TemplateVariableReference(string Name, string Written, int Line, int Column);
