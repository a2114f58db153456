using System.Text.RegularExpressions;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// Finds the variables and kernel functions a handlebars template uses, so mistakes show when the file loads
/// rather than as an empty value at run time. Variables inside <c>#each</c> and <c>#with</c> blocks are not
/// checked: there the context is the item, not the prompt's variables.
/// </summary>
internal static partial class HandlebarsTemplateScanner
{
    /// <summary>Helpers that are not variables: Handlebars' own and the ones every prompt gets.</summary>
    public static readonly IReadOnlySet<string> BuiltInHelpers = new HashSet<string>(StringComparer.Ordinal)
    {
        "if", "unless", "each", "with", "lookup", "log", "else",
        "message", "set", "json", "concat", "array", "raw", "range", "or", "add", "subtract", "equals",
    };

    public static (IReadOnlyList<TemplateVariableReference> Variables, IReadOnlyList<TemplateFunctionReference> Functions) Scan(string template, int lineOffset)
    {
        var variables = new List<TemplateVariableReference>();
        var functions = new List<TemplateFunctionReference>();
        var assigned = SetHelperRegex().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var blocks = new Stack<bool>();

        foreach (Match match in MustacheRegex().Matches(template))
        {
            var (line, column) = Locate(template, match.Index, lineOffset);
            var body = match.Groups["body"].Value.Trim().Trim('~').Trim().TrimStart('{', '&').Trim();
            if (body.Length == 0 || body[0] is '!' or '>')
                continue;
            if (body[0] == '/')
            {
                if (blocks.Count > 0)
                    blocks.Pop();
                continue;
            }

            var opensBlock = body[0] is '#' or '^';
            if (opensBlock)
                body = body[1..].TrimStart();
            if (body.StartsWith("else", StringComparison.Ordinal) && (body.Length == 4 || char.IsWhiteSpace(body[4])))
                body = body[4..].Trim();
            if (body.Length == 0)
                continue;

            var tokens = Tokenize(body);
            var checkVariables = !blocks.Any(changesContext => changesContext);
            if (opensBlock)
                blocks.Push(tokens[0] is "each" or "with");
            Analyze(tokens, checkVariables, line, column, assigned, variables, functions);
        }
        return (variables, functions);
    }

    private static void Analyze(List<string> tokens, bool checkVariables, int line, int column, HashSet<string> assigned,
        List<TemplateVariableReference> variables, List<TemplateFunctionReference> functions)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var isHelperPosition = i == 0 || tokens[i - 1] == "(";
            var token = tokens[i];
            if (token is "(" or ")")
                continue;
            if (isHelperPosition && FunctionHelperRegex().Match(token) is { Success: true } function)
            {
                var (positional, named) = CountArguments(tokens, i + 1);
                functions.Add(new(function.Groups["plugin"].Value, function.Groups["function"].Value, positional, named, line, column));
                continue;
            }
            if (isHelperPosition && BuiltInHelpers.Contains(token))
                continue;
            var hasArguments = i + 1 < tokens.Count && tokens[i + 1] != ")";
            if (isHelperPosition && hasArguments)
                throw new PromptFileException($"'{token}' is not a known helper or kernel function (kernel functions are written Plugin-function).", line, column);

            var value = token.Contains('=', StringComparison.Ordinal) && !IsQuoted(token) ? token[(token.IndexOf('=', StringComparison.Ordinal) + 1)..] : token;
            if (checkVariables && RootName(value) is { } name && !assigned.Contains(name))
                variables.Add(new(name, line, column));
        }
    }

    private static (int Positional, IReadOnlyList<string> Named) CountArguments(List<string> tokens, int start)
    {
        var positional = 0;
        var named = new List<string>();
        var depth = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token == "(")
            {
                if (depth++ == 0)
                    positional++;
                continue;
            }
            if (token == ")")
            {
                if (--depth < 0)
                    break;
                continue;
            }
            if (depth > 0)
                continue;
            if (!IsQuoted(token) && token.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
                named.Add(token[..eq]);
            else
                positional++;
        }
        return (positional, named);
    }

    // The variable a path starts from, or null for literals, data variables (@index) and context paths (this, ../).
    private static string? RootName(string path)
    {
        if (path.Length == 0 || IsQuoted(path) || path[0] is '@' or '.' || char.IsDigit(path[0]) || path[0] is '-' or '[')
            return null;
        if (path is "true" or "false" or "null" or "undefined" || path.StartsWith("this", StringComparison.Ordinal))
            return null;
        var end = path.IndexOfAny(['.', '/', '[']);
        return end > 0 ? path[..end] : path;
    }

    private static bool IsQuoted(string token) => token.Length > 0 && token[0] is '"' or '\'';

    private static List<string> Tokenize(string body)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }
            var start = i;
            while (i < body.Length && !char.IsWhiteSpace(body[i]) && body[i] is not '(' and not ')')
            {
                if (body[i] is '"' or '\'')
                {
                    var quote = body[i++];
                    while (i < body.Length && body[i] != quote)
                        i++;
                }
                i++;
            }
            tokens.Add(body[start..Math.Min(i, body.Length)]);
        }
        return tokens;
    }

    private static (int Line, int Column) Locate(string text, int offset, int lineOffset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line + lineOffset, offset - lineStart + 1);
    }

    [GeneratedRegex(@"\{\{(?<body>.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex MustacheRegex();

    [GeneratedRegex(@"^(?<plugin>[A-Za-z0-9_]+)-(?<function>[A-Za-z0-9_-]+)$")]
    private static partial Regex FunctionHelperRegex();

    [GeneratedRegex(@"\{\{~?\s*set\s+(?:name=)?[""'](?<name>[A-Za-z0-9_]+)[""']")]
    private static partial Regex SetHelperRegex();
}
