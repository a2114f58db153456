using System.Diagnostics.CodeAnalysis;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// Creates templates of <c>template_format: handlebars</c>, rendered by Handlebars.Net with Semantic Kernel's handlebars
/// conventions (kernel functions as <c>Plugin-function</c> helpers, the system helpers, the same HTML encoding). As
/// Semantic Kernel's own factory does, it adds the variables the template uses to the config's input variables.
/// </summary>
public sealed class HandlebarsPromptTemplateFactory : IPromptTemplateFactory
{
    /// <summary>The <see cref="PromptTemplateConfig.TemplateFormat"/> this factory reads.</summary>
    public const string HandlebarsTemplateFormat = "handlebars";

    /// <inheritdoc />
    /// <exception cref="PromptFileException">The template does not compile, or calls a helper that does not exist.</exception>
    public bool TryCreate(PromptTemplateConfig templateConfig, [NotNullWhen(true)] out IPromptTemplate? result)
    {
        ArgumentNullException.ThrowIfNull(templateConfig);
        result = null;
        if (!string.Equals(templateConfig.TemplateFormat, HandlebarsTemplateFormat, StringComparison.Ordinal))
            return false;
        var references = HandlebarsTemplateScanner.Scan(templateConfig.Template, 0);
        var declared = templateConfig.InputVariables.Select(v => v.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var variable in references.Variables)
        {
            if (declared.Add(variable.Name))
                templateConfig.InputVariables.Add(new InputVariable { Name = variable.Name });
        }
        result = new HandlebarsPromptTemplate(templateConfig);
        return true;
    }
}
