using System.Text;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// A template in Semantic Kernel's default syntax. Encoding follows Semantic Kernel's rule exactly:
/// a variable's value is HTML-encoded unless that input variable allows dangerous content; a function result
/// or a literal is encoded unless the prompt allows dangerous content; the template's own text never is.
/// </summary>
internal sealed class SkPromptTemplate : IPromptTemplate
{
    private readonly IReadOnlyList<TemplateBlock> _blocks;
    private readonly bool _allowDangerousContent;
    private readonly HashSet<string> _trustedVariables;

    public SkPromptTemplate(PromptDefinition definition, int lineOffset = 0)
    {
        _blocks = SkTemplateParser.Parse(definition.Template, lineOffset);
        _allowDangerousContent = definition.AllowDangerouslySetContent;
        _trustedVariables = definition.InputVariables.Where(v => v.AllowDangerouslySetContent)
            .Select(v => v.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var variables = new List<TemplateVariableReference>();
        var functions = new List<TemplateFunctionReference>();
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case VariableBlock variable:
                    variables.Add(new(variable.Name, block.Line, block.Column));
                    break;
                case FunctionCallBlock call:
                    if (call.Positional?.VariableName is { } positionalVariable)
                        variables.Add(new(positionalVariable, block.Line, block.Column));
                    variables.AddRange(call.Named.Where(n => n.Value.VariableName is not null)
                        .Select(n => new TemplateVariableReference(n.Value.VariableName!, block.Line, block.Column)));
                    functions.Add(new(call.PluginName, call.FunctionName, call.Positional is null ? 0 : 1,
                        call.Named.Select(n => n.Key).ToArray(), block.Line, block.Column));
                    break;
            }
        }
        Variables = variables;
        Functions = functions;
    }

    public IReadOnlyList<TemplateVariableReference> Variables { get; }

    public IReadOnlyList<TemplateFunctionReference> Functions { get; }

    public async ValueTask<string> RenderAsync(TemplateRenderContext context)
    {
        var result = new StringBuilder();
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case TextBlock text:
                    result.Append(text.Text);
                    break;
                case VariableBlock variable:
                    var value = TemplateValues.ToText(context.Variables.GetValueOrDefault(variable.Name));
                    if (value is not null)
                        result.Append(_trustedVariables.Contains(variable.Name) ? value : TemplateValues.Encode(value));
                    break;
                case ValueBlock literal:
                    result.Append(_allowDangerousContent ? literal.Value : TemplateValues.Encode(literal.Value));
                    break;
                case FunctionCallBlock call:
                    var output = await TemplateFunctionInvoker.InvokeAsync(context, call.PluginName, call.FunctionName,
                        call.Positional is null ? [] : [call.Positional.Resolve(context.Variables)],
                        call.Named.Select(n => new KeyValuePair<string, object?>(n.Key, n.Value.Resolve(context.Variables))).ToArray()).ConfigureAwait(false);
                    if (output is not null)
                        result.Append(_allowDangerousContent ? output : TemplateValues.Encode(output));
                    break;
            }
        }
        return result.ToString();
    }
}
