using McpOpenAI.Kernel.Agents.Files;
using McpOpenAI.Kernel.Prompts;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// One template of an agent (its instructions or its user message), made by Semantic Kernel's template factory. Values go
/// in as written: the instructions are one system message and the user turn one user message, so neither is parsed for
/// <c>&lt;message&gt;</c> tags, and HTML-encoding would only garble SQL and schema text.
/// </summary>
internal sealed class AgentTemplate
{
    private readonly IPromptTemplate _template;

    /// <summary>Creates the template.</summary>
    /// <param name="text">The template text.</param>
    /// <param name="format">The template format (see <see cref="AgentDefinition.TemplateFormat"/>).</param>
    /// <param name="variables">The inputs (values are inserted as written; defaults and required inputs are the caller's to apply).</param>
    /// <param name="factory">Makes templates of each format the application supports.</param>
    /// <param name="lineOffset">The number of file lines before the template's first line.</param>
    /// <exception cref="PromptFileException">The format is not supported or the template is malformed.</exception>
    public AgentTemplate(string text, string format, IReadOnlyList<InputVariable> variables, IPromptTemplateFactory factory, int lineOffset)
    {
        LineOffset = lineOffset;
        References = TemplateReferences.Scan(text, format);
        var names = variables.Select(v => v.Name).Concat(References.Variables.Select(v => v.Name)).Distinct(StringComparer.OrdinalIgnoreCase);
        var config = new PromptTemplateConfig(text)
        {
            TemplateFormat = format,
            InputVariables = [.. names.Select(name => new InputVariable { Name = name, AllowDangerouslySetContent = true })],
            AllowDangerouslySetContent = true,
        };
        try
        {
            if (!factory.TryCreate(config, out var template))
                throw new PromptFileException($"template_format '{format}' is not available in this application; use '{AgentDefinition.SemanticKernelFormat}'.", lineOffset + 1);
            _template = template;
        }
        catch (KernelException ex)
        {
            throw new PromptFileException($"The template is not valid: {ex.Message}", lineOffset + 1, null, ex);
        }
    }

    /// <summary>What the template refers to, with lines relative to the template.</summary>
    public TemplateReferences References { get; }

    /// <summary>The number of file lines before the template's first line.</summary>
    public int LineOffset { get; }

    /// <summary>Renders the template; functions it calls run through the kernel and its filters.</summary>
    public Task<string> RenderAsync(Microsoft.SemanticKernel.Kernel kernel, KernelArguments arguments, CancellationToken cancellationToken) =>
        _template.RenderAsync(kernel, arguments, cancellationToken);
}
