namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>An argument in a function call: a variable (<c>$name</c>) or a literal (<c>'text'</c>).</summary>
internal sealed record TemplateArgument(string? VariableName, string? Literal)
{
    public static TemplateArgument Variable(string name) => new(name, null);

    public static TemplateArgument Value(string text) => new(null, text);

    /// <summary>The argument's value: the variable's value (null when unset) or the literal.</summary>
    public object? Resolve(IReadOnlyDictionary<string, object?> variables) =>
        VariableName is { } name ? variables.GetValueOrDefault(name) : Literal;
}
