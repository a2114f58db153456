namespace McpOpenAI.Kernel.Prompts;

/// <summary>One input variable of a prompt (Semantic Kernel's <c>input_variables</c> entry).</summary>
public sealed record PromptInputVariable
{
    /// <summary>The variable name, as used in the template (<c>{{$name}}</c> or <c>{{name}}</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What the variable is; shown to callers as the parameter description.</summary>
    public string? Description { get; init; }

    /// <summary>The value used when the caller gives none; a variable with a default is never required.</summary>
    public string? Default { get; init; }

    /// <summary>Whether callers must supply the variable (default true).</summary>
    public bool IsRequired { get; init; } = true;

    /// <summary>A JSON schema for the variable; when absent the variable is a string.</summary>
    public string? JsonSchema { get; init; }

    /// <summary>When true the value is inserted into the prompt without HTML encoding (it may add message tags).</summary>
    public bool AllowDangerouslySetContent { get; init; }

    /// <summary>True when the caller must pass the variable: required and without a default.</summary>
    public bool MustBeSupplied => IsRequired && Default is null;
}
