using System.Text.RegularExpressions;
using HandlebarsDotNet;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// Checks a handlebars template when its file loads: Handlebars.Net compiles it (a syntax error is reported with its
/// line), then the variables and kernel functions it uses are found, so mistakes show at once rather than as an empty
/// value at run time. Variables inside <c>#each</c> and <c>#with</c> blocks are not checked: there the context is the
/// item, not the prompt's variables.
/// </summary>
internal static partial class HandlebarsTemplateScanner
{
    /// <summary>Helpers that are not variables: Handlebars' own and the ones every prompt gets.</summary>
    public static readonly IReadOnlySet<string> BuiltInHelpers = new HashSet<string>(StringComparer.Ordinal)
    {
        "if", "unless", "each", "with", "lookup", "log", "else",
        "message", "set", "json", "concat", "array", "raw", "range", "or", "add", "subtract", "equals",
    };

    /// <summary>Scans a template.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="lineOffset">Lines in the file before the template's first line.</param>
    /// <exception cref="PromptFileException">The template does not compile, or calls a helper that does not exist.</exception>
    public static TemplateReferences Scan(string template, int lineOffset)
    {
        Compile(template, lineOffset);
        var variables = new List<TemplateVariableReference>();
        var functions = new List<TemplateFunctionReference>();
        var assigned = SetHelperRegex().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var blocks = new Stack<bool>();

        foreach (Match match in MustacheRegex().Matches(template))
        {
            var (line, column) = TextLocation.Of(template, match.Index, lineOffset);
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
        return new TemplateReferences(variables, functions);
    }

    // Templates known to compile: loading a file scans it, and creating its template scans it again, so each is compiled
    // (the costly part: Handlebars.Net builds and compiles expression trees) once. Bounded, since edits add new texts.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Compiled = new(StringComparer.Ordinal);

    private static void Compile(string template, int lineOffset)
    {
        if (Compiled.ContainsKey(template))
            return;
        try
        {
            Handlebars.Create(new HandlebarsConfiguration { NoEscape = true }).Compile(template);
            if (Compiled.Count >= 256)
                Compiled.Clear();
            Compiled[template] = true;
        }
        catch (HandlebarsException ex)
        {
            var position = PositionRegex().Match(ex.Message);
            var message = $"Handlebars: {PositionRegex().Replace(ex.Message, string.Empty).Trim()}";
            throw position.Success
                ? new PromptFileException(message, int.Parse(position.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + lineOffset,
                    int.Parse(position.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), ex)
                : new PromptFileException(message, null, null, ex);
        }
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
                functions.Add(new(function.Groups["plugin"].Value, function.Groups["function"].Value, CountPositional(tokens, i + 1), token, line, column));
                continue;
            }
            if (isHelperPosition && BuiltInHelpers.Contains(token))
                continue;
            var hasArguments = i + 1 < tokens.Count && tokens[i + 1] != ")";
            if (isHelperPosition && hasArguments)
                throw new PromptFileException($"'{token}' is not a known helper or kernel function (kernel functions are written Plugin-function).", line, column);

            var value = token.Contains('=', StringComparison.Ordinal) && !IsQuoted(token) ? token[(token.IndexOf('=', StringComparison.Ordinal) + 1)..] : token;
            if (checkVariables && RootName(value) is { } name && !assigned.Contains(name))
                variables.Add(new(name, $"{{{{{name}}}}}", line, column));
        }
    }

    private static int CountPositional(List<string> tokens, int start)
    {
        var positional = 0;
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
            if (depth == 0 && (IsQuoted(token) || token.IndexOf('=', StringComparison.Ordinal) <= 0))
                positional++;
        }
        return positional;
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

    [GeneratedRegex(@"\{\{(?<body>.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex MustacheRegex();

    [GeneratedRegex(@"^(?<plugin>[A-Za-z0-9_]+)-(?<function>[A-Za-z0-9_-]+)$")]
    private static partial Regex FunctionHelperRegex();

    [GeneratedRegex(@"\s*Occured at:\s*(\d+):(\d+)\s*")]
    private static partial Regex PositionRegex();

    [GeneratedRegex(@"\{\{~?\s*set\s+(?:name=)?[""'](?<name>[A-Za-z0-9_]+)[""']")]
    private static partial Regex SetHelperRegex();
}
