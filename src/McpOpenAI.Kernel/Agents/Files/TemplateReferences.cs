using System.Text.RegularExpressions;

namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>
/// The variables and function calls a template refers to, each with its line, found without rendering: enough to check
/// an agent file against its declared inputs and the loaded functions when it loads, so a typo names its line.
/// </summary>
internal sealed partial class TemplateReferences
{
    private TemplateReferences(IReadOnlyList<Reference> variables, IReadOnlyList<Reference> functions)
    {
        Variables = variables;
        Functions = functions;
    }

    /// <summary>A name a template uses, and the 1-based line of the template it is on.</summary>
    public sealed record Reference(string Name, int Line, string Written);

    /// <summary>The input variables used, in order.</summary>
    public IReadOnlyList<Reference> Variables { get; }

    /// <summary>The functions called (<c>Plugin.function</c>, or a bare name), in order.</summary>
    public IReadOnlyList<Reference> Functions { get; }

    /// <summary>Scans a template in <paramref name="format"/>.</summary>
    public static TemplateReferences Scan(string template, string format)
    {
        var variables = new List<Reference>();
        var functions = new List<Reference>();
        var handlebars = format == AgentDefinition.HandlebarsFormat;
        foreach (Match block in BlockRegex().Matches(template))
        {
            var line = 1 + template.AsSpan(0, block.Index).Count('\n');
            var body = block.Groups[1].Value.Trim();
            if (handlebars)
                ScanHandlebars(body, line, variables, functions);
            else
                ScanSemanticKernel(body, line, variables, functions);
        }
        return new TemplateReferences(variables, functions);
    }

    // {{$var}}, {{plugin.function $arg name='x'}}: the first token is a variable, a literal or a function.
    private static void ScanSemanticKernel(string body, int line, List<Reference> variables, List<Reference> functions)
    {
        var tokens = TokenRegex().Matches(body).Select(m => m.Value).ToArray();
        for (var i = 0; i < tokens.Length; i++)
        {
            var value = tokens[i].Contains('=', StringComparison.Ordinal) && i > 0 ? tokens[i][(tokens[i].IndexOf('=', StringComparison.Ordinal) + 1)..] : tokens[i];
            if (value.StartsWith('$') && value.Length > 1)
                variables.Add(new(value[1..], line, $"{{{{{value}}}}}"));
            else if (i == 0 && NameRegex().IsMatch(value))
                functions.Add(new(value, line, value));
        }
    }

    // {{var}}, {{Plugin-function arg}}, {{#each items}}…{{/each}}: block helpers and closing tags are not inputs.
    private static void ScanHandlebars(string body, int line, List<Reference> variables, List<Reference> functions)
    {
        if (body.Length == 0 || body[0] is '/' or '!' or '>' or '@')
            return;
        var tokens = TokenRegex().Matches(body.TrimStart('#', '^', '{').TrimEnd('}')).Select(m => m.Value).ToArray();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i][(tokens[i].IndexOf('=', StringComparison.Ordinal) + 1)..];
            var head = token.Split('.')[0];
            if (i == 0 && token.Contains('-', StringComparison.Ordinal))
                functions.Add(new(token, line, token));
            else if (NameRegex().IsMatch(token) && !BuiltInHelpers.Contains(head))
                variables.Add(new(head, line, $"{{{{{token}}}}}"));
        }
    }

    private static readonly HashSet<string> BuiltInHelpers = new(StringComparer.Ordinal)
        { "this", "else", "if", "unless", "each", "with", "lookup", "log", "true", "false", "null", "message", "set", "json", "concat", "equals", "raw" };

    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex BlockRegex();

    [GeneratedRegex(@"(?:[A-Za-z0-9_]+=)?(?:'[^']*'|""[^""]*""|[^\s]+)")]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)?$")]
    private static partial Regex NameRegex();
}
