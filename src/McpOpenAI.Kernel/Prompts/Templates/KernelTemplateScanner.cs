using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// Finds the <c>{{ … }}</c> blocks of a template in Semantic Kernel's syntax where Semantic Kernel's tokenizer finds
/// them (outside quoted values; a <c>{{</c> restarts a block; an empty block is text), and has Semantic Kernel's own
/// template factory read each one, so a syntax error, and every variable and function a block uses, is known with
/// its line and column. Unlike Semantic Kernel, a <c>{{</c> that is never closed is an error rather than silent text.
/// </summary>
internal static class KernelTemplateScanner
{
    private static readonly KernelPromptTemplateFactory Factory = new();

    /// <summary>Scans a template.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="lineOffset">Lines in the file before the template's first line.</param>
    /// <exception cref="PromptFileException">A block is malformed, or never closed.</exception>
    public static TemplateReferences Scan(string template, int lineOffset)
    {
        var variables = new List<TemplateVariableReference>();
        var functions = new List<TemplateFunctionReference>();
        var start = -1;
        var quote = '\0';
        for (var i = 0; i + 1 < template.Length; i++)
        {
            var (c, next) = (template[i], template[i + 1]);
            if (quote == '\0' && c == '{' && next == '{')
                start = i;
            if (start < 0)
                continue;
            if (quote != '\0')
            {
                if (c == '\\' && next is '"' or '\'' or '\\')
                    i++;
                else if (c == quote)
                    quote = '\0';
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '}' && next == '}')
            {
                Read(template[start..(i + 2)], TextLocation.Of(template, start, lineOffset), variables, functions);
                start = -1;
                i++;
            }
        }
        if (start >= 0)
        {
            var (line, column) = TextLocation.Of(template, start, lineOffset);
            throw new PromptFileException("A '{{' is never closed; end the block with '}}'.", line, column);
        }
        return new TemplateReferences(variables, functions);
    }

    private static void Read(string block, (int Line, int Column) at, List<TemplateVariableReference> variables, List<TemplateFunctionReference> functions)
    {
        var code = block[2..^2].Trim();
        if (code.Length == 0)
            return;
        var alone = new PromptTemplateConfig(block);
        try
        {
            Factory.Create(alone);
        }
        catch (KernelException ex)
        {
            throw new PromptFileException($"In '{block}': {ex.Message}", at.Line, at.Column, ex);
        }
        // Semantic Kernel adds every variable a template uses to its config; for one block, those are the block's.
        variables.AddRange(alone.InputVariables.Select(v => new TemplateVariableReference(v.Name, $"{{{{${v.Name}}}}}", at.Line, at.Column)));
        if (code[0] is '$' or '\'' or '"')
            return;
        var id = code.Split([' ', '\t', '\r', '\n'], 2)[0];
        var rest = code[id.Length..].TrimStart();
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        functions.Add(new TemplateFunctionReference(dot < 0 ? null : id[..dot], id[(dot + 1)..],
            rest.Length > 0 && rest[0] is '$' or '\'' or '"' ? 1 : 0, id, at.Line, at.Column));
    }
}
