namespace McpOpenAI.Kernel.Prompts;

/// <summary>A prompt as read from a prompt file, before it is bound to a kernel.</summary>
public sealed record PromptDefinition
{
    /// <summary>The function name.</summary>
    public required string Name { get; init; }

    /// <summary>What the prompt does.</summary>
    public string? Description { get; init; }

    /// <summary>The template text.</summary>
    public required string Template { get; init; }

    /// <summary>The template syntax; see <see cref="PromptTemplateFormats"/>.</summary>
    public string TemplateFormat { get; init; } = PromptTemplateFormats.SemanticKernel;

    /// <summary>The input variables, declared or (when the file declares none) found in the template.</summary>
    public IReadOnlyList<PromptInputVariable> InputVariables { get; init; } = [];

    /// <summary>
    /// True when the file declared <c>input_variables</c>; then a template variable that is not declared is an error.
    /// </summary>
    public bool InputVariablesDeclared { get; init; }

    /// <summary>What the prompt returns, when declared.</summary>
    public PromptOutputVariable? OutputVariable { get; init; }

    /// <summary>The execution settings in file order; the entry used is <c>default</c>, else the first.</summary>
    public IReadOnlyList<PromptExecutionSettings> ExecutionSettings { get; init; } = [];

    /// <summary>When true, function results and literals are inserted without HTML encoding.</summary>
    public bool AllowDangerouslySetContent { get; init; }

    /// <summary>The file the prompt came from (<c>skprompt.txt</c>'s folder config, or the YAML file).</summary>
    public string? SourcePath { get; init; }
}
