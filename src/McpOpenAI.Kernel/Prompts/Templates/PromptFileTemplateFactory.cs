using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// The template factory prompt files are rendered with: Semantic Kernel's own <see cref="KernelPromptTemplateFactory"/>
/// for <c>semantic-kernel</c> and <see cref="HandlebarsPromptTemplateFactory"/> for <c>handlebars</c>, combined by
/// Semantic Kernel's <see cref="AggregatorPromptTemplateFactory"/>. Each template fills in defaults, refuses a missing
/// required variable with a message naming it, and marks the functions it calls as called by a template.
/// </summary>
public sealed class PromptFileTemplateFactory(ILoggerFactory? loggerFactory = null) : IPromptTemplateFactory
{
    private readonly AggregatorPromptTemplateFactory _formats = new(new KernelPromptTemplateFactory(loggerFactory), new HandlebarsPromptTemplateFactory());

    /// <inheritdoc />
    public bool TryCreate(PromptTemplateConfig templateConfig, [NotNullWhen(true)] out IPromptTemplate? result)
    {
        ArgumentNullException.ThrowIfNull(templateConfig);
        result = null;
        if (!_formats.TryCreate(templateConfig, out var template))
            return false;
        // Creating the template added the variables it uses to the config; they are the prompt's variables from now on.
        result = new PromptFileTemplate(template, templateConfig.Name, [.. templateConfig.InputVariables]);
        return true;
    }
}
