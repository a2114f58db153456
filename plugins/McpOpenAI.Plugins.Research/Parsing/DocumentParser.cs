namespace McpOpenAI.Plugins.Research.Parsing;

/// <summary>Parses a corpus file by its extension: Markdown, HTML or plain text.</summary>
public static class DocumentParser
{
    private static readonly Dictionary<string, string> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".md"] = "markdown",
        [".markdown"] = "markdown",
        [".mdx"] = "markdown",
        [".html"] = "html",
        [".htm"] = "html",
        [".txt"] = "text",
        [".text"] = "text",
    };

    /// <summary>The file extensions that are indexed.</summary>
    public static IReadOnlyCollection<string> SupportedExtensions => Formats.Keys;

    /// <summary>True when files with this path's extension are indexed.</summary>
    public static bool IsSupported(string path) => Formats.ContainsKey(Path.GetExtension(path));

    /// <summary>Parses <paramref name="content"/>, the text of the file at <paramref name="path"/>.</summary>
    public static ParsedDocument Parse(string path, string content)
    {
        var fallback = FallbackTitle(path);
        return Formats.GetValueOrDefault(Path.GetExtension(path)) switch
        {
            "markdown" => MarkdownParser.Parse(content, fallback),
            "html" => HtmlParser.Parse(content, fallback),
            _ => PlainTextParser.Parse(content, fallback),
        };
    }

    /// <summary>The file name without extension, hyphens and underscores turned into spaces, first letter upper-case.</summary>
    private static string FallbackTitle(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).Replace('-', ' ').Replace('_', ' ').Trim();
        return name.Length == 0 ? "Untitled" : char.ToUpperInvariant(name[0]) + name[1..];
    }
}
