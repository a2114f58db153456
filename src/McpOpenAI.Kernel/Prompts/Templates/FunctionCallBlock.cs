namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary><c>{{plugin.function $positional name='value'}}</c>: a call of a kernel function.</summary>
internal sealed record FunctionCallBlock(
    string? PluginName,
    string FunctionName,
    TemplateArgument? Positional,
    IReadOnlyList<KeyValuePair<string, TemplateArgument>> Named,
    int Line,
    int Column) : TemplateBlock(Line, Column)
{
    public string DisplayName => PluginName is null ? FunctionName : $"{PluginName}.{FunctionName}";
}
