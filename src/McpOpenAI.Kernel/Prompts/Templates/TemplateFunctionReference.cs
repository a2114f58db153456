namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>A kernel function a template calls, with how many positional arguments it passes and where.</summary>
/// <param name="PluginName">The plugin, or null for an unqualified name (the first plugin that has the function).</param>
/// <param name="FunctionName">The function.</param>
/// <param name="PositionalCount">How many positional arguments the call passes.</param>
/// <param name="Written">The call as the template writes it (<c>Plugin.function</c> or <c>Plugin-function</c>).</param>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Column">1-based column.</param>
internal sealed record TemplateFunctionReference(string? PluginName, string FunctionName, int PositionalCount, string Written, int Line, int Column);
