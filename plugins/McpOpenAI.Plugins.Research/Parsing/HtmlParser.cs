using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace McpOpenAI.Plugins.Research.Parsing;

/// <summary>
/// Reduces HTML to text and splits it into sections at <c>h1</c>–<c>h6</c>. Scripts, styles, comments and the
/// head are dropped; block elements become line breaks and list items "- " lines; entities are decoded.
/// </summary>
internal static partial class HtmlParser
{
    public static ParsedDocument Parse(string html, string fallbackTitle)
    {
        var titleMatch = TitleTag().Match(html);
        var title = titleMatch.Success ? Clean(titleMatch.Groups[1].Value) : null;
        var body = BodyTag().Match(html) is { Success: true } b ? b.Groups[1].Value : html;
        body = Dropped().Replace(body, " ");

        var sections = new List<DocumentSection>();
        var anchors = new Anchors();
        string? firstTopHeading = null;
        var position = 0;
        string? heading = null;
        var level = 0;
        foreach (Match match in HeadingTag().Matches(body))
        {
            Add(sections, anchors, heading, level, body[position..match.Index]);
            level = match.Groups[1].Value[0] - '0';
            heading = Clean(match.Groups[2].Value);
            if (level == 1) firstTopHeading ??= heading;
            position = match.Index + match.Length;
        }
        Add(sections, anchors, heading, level, body[position..]);

        var finalTitle = !string.IsNullOrWhiteSpace(title) ? title : firstTopHeading ?? fallbackTitle;
        return new ParsedDocument(finalTitle, "html", sections);
    }

    /// <summary>HTML to plain text with line breaks at block boundaries.</summary>
    internal static string ToText(string html)
    {
        var text = ListItem().Replace(html, "\n- ");
        text = BlockBoundary().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0 && l != "-");
        return string.Join('\n', lines);
    }

    private static void Add(List<DocumentSection> sections, Anchors anchors, string? heading, int level, string html)
    {
        var text = ToText(html);
        if (heading is null && text.Length == 0)
            return;
        var content = heading is null ? text : $"{new string('#', Math.Max(1, level))} {heading}\n\n{text}".TrimEnd();
        var searchable = heading is null ? text : $"{heading}\n{text}".TrimEnd();
        sections.Add(new DocumentSection(heading, level, anchors.Next(heading), searchable, content));
    }

    private static string Clean(string fragment) => Spaces().Replace(WebUtility.HtmlDecode(Tag().Replace(fragment, "")), " ").Trim();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleTag();

    [GeneratedRegex(@"<body[^>]*>(.*)</body>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BodyTag();

    [GeneratedRegex(@"<!--.*?-->|<(script|style|noscript|template|head|svg)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Dropped();

    [GeneratedRegex(@"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HeadingTag();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<(br|/?p|/?div|/?section|/?article|/?ul|/?ol|/li|/?tr|/?table|/?blockquote|/?pre|/?dl|/?dt|/?dd|/?header|/?footer|/?main|/?nav)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
