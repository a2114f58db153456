namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>A kernel function a template calls, with how it passes arguments and where.</summary>
/// <param name="PluginName">The plugin, or null for an unqualified name (own plugin first, then any).</param>
/// <param name="FunctionName">The function.</param>
/// <param name="PositionalCount">How many positional arguments the call passes.</param>
/// <param name="NamedArguments">The names of the named arguments.</param>
/// <param name="Line">1-based line in the file, when known.</param>
/// <param name="Column">1-based column, when known.</param>
internal sealed record TemplateFunctionReference(
    string? PluginName,
    string FunctionName,
    int PositionalCount,
    IReadOnlyList<string> NamedArguments,
    int? Line,
    int? Column)
{
    public string DisplayName => PluginName is null ? FunctionName : $"{PluginName}.{FunctionName}";
}
