namespace McpOpenAI.Plugins.Research.Parsing;

/// <summary>A text file is one section; its first non-empty line is the title.</summary>
internal static class PlainTextParser
{
    public static ParsedDocument Parse(string text, string fallbackTitle)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var firstLine = normalized.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        var title = firstLine is { Length: > 0 and <= 120 } ? firstLine : fallbackTitle;
        IReadOnlyList<DocumentSection> sections = normalized.Length == 0 ? [] : [new DocumentSection(null, 0, "intro", normalized, normalized)];
        return new ParsedDocument(title, "text", sections);
    }
}
