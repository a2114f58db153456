using System.Text;
using System.Text.RegularExpressions;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// Parses Semantic Kernel's template syntax into blocks, following its tokenizer's rules: a block is
/// <c>{{ … }}</c> outside quotes; <c>{{</c> restarts a block (<c>"{{ {{$x}}"</c> is the text <c>"{{ "</c> then a
/// variable); an empty block (<c>{{ }}</c>) stays text; quoted values take <c>\'</c>, <c>\"</c> and <c>\\</c>
/// escapes. Unlike Semantic Kernel, a <c>{{</c> that is never closed is an error rather than silent text, so a
/// typo is caught when the file loads.
/// </summary>
internal static partial class SkTemplateParser
{
    /// <summary>Parses a template.</summary>
    /// <param name="text">The template.</param>
    /// <param name="lineOffset">Added to line numbers, for templates embedded in a larger file.</param>
    /// <exception cref="PromptFileException">The template is malformed; the position is set.</exception>
    public static List<TemplateBlock> Parse(string text, int lineOffset = 0)
    {
        var locator = new Locator(text, lineOffset);
        var blocks = new List<TemplateBlock>();
        var endOfLast = 0;
        var blockStart = -1;
        var inValue = false;
        var delimiter = '\0';

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (!inValue && c == '{' && next == '{')
                blockStart = i;
            if (blockStart < 0)
                continue;
            if (inValue)
            {
                if (c == '\\' && next is '"' or '\'' or '\\')
                    i++;
                else if (c == delimiter)
                    inValue = false;
                continue;
            }
            if (c is '"' or '\'')
            {
                inValue = true;
                delimiter = c;
                continue;
            }
            if (c != '}' || next != '}')
                continue;

            if (blockStart > endOfLast)
                blocks.Add(Text(text[endOfLast..blockStart], endOfLast, locator));
            var raw = text[blockStart..(i + 2)];
            var inner = raw[2..^2];
            if (inner.Trim().Length == 0)
            {
                blocks.Add(Text(raw, blockStart, locator));
            }
            else
            {
                var leading = inner.Length - inner.TrimStart().Length;
                blocks.Add(ParseCode(inner.Trim(), blockStart + 2 + leading, locator));
            }
            endOfLast = i + 2;
            blockStart = -1;
            i++;
        }

        if (blockStart >= 0)
        {
            var (line, column) = locator.At(blockStart);
            throw new PromptFileException(inValue
                ? $"The tag opened with '{{{{' has a quoted value that is never closed (missing {delimiter})."
                : "The tag opened with '{{' is never closed with '}}'.", line, column);
        }
        if (endOfLast < text.Length)
            blocks.Add(Text(text[endOfLast..], endOfLast, locator));
        return blocks;
    }

    private static TextBlock Text(string text, int offset, Locator locator)
    {
        var (line, column) = locator.At(offset);
        return new TextBlock(text, line, column);
    }

    private static TemplateBlock ParseCode(string code, int offset, Locator locator)
    {
        var (line, column) = locator.At(offset);
        PromptFileException Error(string message) => new($"In '{{{{{code}}}}}': {message}", line, column);

        var tokens = Tokenize(code, Error);
        var first = tokens[0];
        switch (first.Kind)
        {
            case TokenKind.Variable:
                if (tokens.Count > 1)
                    throw Error("nothing may follow a variable.");
                return new VariableBlock(first.Argument!.VariableName!, line, column);
            case TokenKind.Value:
                if (tokens.Count > 1)
                    throw Error("nothing may follow a quoted value.");
                return new ValueBlock(first.Argument!.Literal!, line, column);
            case TokenKind.Named:
                throw Error("a named argument cannot come first; write the function name first, e.g. {{plugin.function name='value'}}.");
        }

        var id = first.Text;
        if (!FunctionIdRegex().IsMatch(id))
            throw Error($"'{id}' is not a function name; use plugin.function (letters, digits, underscores, one dot).");
        var dot = id.IndexOf('.');
        var plugin = dot >= 0 ? id[..dot] : null;
        var function = dot >= 0 ? id[(dot + 1)..] : id;

        TemplateArgument? positional = null;
        var named = new List<KeyValuePair<string, TemplateArgument>>();
        for (var t = 1; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Named)
            {
                named.Add(new(token.Text, token.Argument!));
            }
            else if (token.Kind is TokenKind.Variable or TokenKind.Value && t == 1)
            {
                positional = token.Argument;
            }
            else
            {
                throw Error(t == 1
                    ? "the first argument must be a variable, a quoted value or a named argument."
                    : "a function takes at most one positional argument; name the others (name='value' or name=$var).");
            }
        }
        return new FunctionCallBlock(plugin, function, positional, named, line, column);
    }

    private static List<Token> Tokenize(string code, Func<string, PromptFileException> error)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < code.Length)
        {
            var sawSpace = false;
            while (i < code.Length && IsBlank(code[i]))
            {
                i++;
                sawSpace = true;
            }
            if (i >= code.Length)
                break;
            if (tokens.Count > 0 && !sawSpace)
                throw error("arguments must be separated by a space.");

            var c = code[i];
            if (c is '\'' or '"')
            {
                tokens.Add(new Token(TokenKind.Value, string.Empty, TemplateArgument.Value(ReadQuoted(code, ref i, error))));
            }
            else if (c == '$')
            {
                tokens.Add(new Token(TokenKind.Variable, string.Empty, TemplateArgument.Variable(ReadVariable(code, ref i, error))));
            }
            else
            {
                var start = i;
                while (i < code.Length && !IsBlank(code[i]) && code[i] != '=')
                    i++;
                var word = code[start..i];
                var look = i;
                while (look < code.Length && IsBlank(code[look]))
                    look++;
                if (look < code.Length && code[look] == '=')
                {
                    if (!NameRegex().IsMatch(word))
                        throw error($"'{word}' is not a valid argument name (letters, digits and underscores).");
                    i = look + 1;
                    while (i < code.Length && IsBlank(code[i]))
                        i++;
                    if (i >= code.Length || code[i] is not ('\'' or '"' or '$'))
                        throw error($"the value of '{word}' must be a quoted text or a $variable.");
                    var value = code[i] == '$'
                        ? TemplateArgument.Variable(ReadVariable(code, ref i, error))
                        : TemplateArgument.Value(ReadQuoted(code, ref i, error));
                    tokens.Add(new Token(TokenKind.Named, word, value));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.FunctionId, word, null));
                }
            }
        }
        return tokens;
    }

    private static string ReadQuoted(string code, ref int i, Func<string, PromptFileException> error)
    {
        var quote = code[i++];
        var value = new StringBuilder();
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '\\' && i + 1 < code.Length && code[i + 1] is '"' or '\'' or '\\')
            {
                value.Append(code[i + 1]);
                i += 2;
                continue;
            }
            i++;
            if (c == quote)
                return value.ToString();
            value.Append(c);
        }
        throw error($"a quoted value is never closed (missing {quote}).");
    }

    private static string ReadVariable(string code, ref int i, Func<string, PromptFileException> error)
    {
        var start = ++i;
        while (i < code.Length && !IsBlank(code[i]))
            i++;
        var name = code[start..i];
        if (name.Length == 0)
            throw error("a variable needs a name after '$'.");
        if (!NameRegex().IsMatch(name))
            throw error($"the variable name '{name}' may only contain letters, digits and underscores.");
        return name;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\n' or '\r';

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex NameRegex();

    // Semantic Kernel allows letters, digits, underscores and one dot; hyphens are accepted too because this
    // kernel's function names may contain them.
    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)?$")]
    private static partial Regex FunctionIdRegex();

    private enum TokenKind
    {
        Variable,
        Value,
        FunctionId,
        Named,
    }

    private sealed record Token(TokenKind Kind, string Text, TemplateArgument? Argument);

    private sealed class Locator(string text, int lineOffset)
    {
        private readonly List<int> _lineStarts = LineStarts(text);

        public (int Line, int Column) At(int offset)
        {
            var index = _lineStarts.BinarySearch(offset);
            if (index < 0)
                index = ~index - 1;
            return (index + 1 + lineOffset, offset - _lineStarts[index] + 1);
        }

        private static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                    starts.Add(i + 1);
            }
            return starts;
        }
    }
}
