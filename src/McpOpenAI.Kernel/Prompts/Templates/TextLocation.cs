namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>Turns an offset in a template into the 1-based line and column a person finds it at.</summary>
internal static class TextLocation
{
    /// <param name="text">The template.</param>
    /// <param name="offset">The offset in <paramref name="text"/>.</param>
    /// <param name="lineOffset">Lines in the file before the template's first line.</param>
    public static (int Line, int Column) Of(string text, int offset, int lineOffset)
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
}
