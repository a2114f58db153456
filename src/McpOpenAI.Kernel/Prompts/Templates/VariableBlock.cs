namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary><c>{{$name}}</c>: the value of a variable.</summary>
internal sealed record VariableBlock(string Name, int Line, int Column) : TemplateBlock(Line, Column);
