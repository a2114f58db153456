using System.Text;
using System.Text.RegularExpressions;

namespace McpOpenAI.Plugins.Research.Parsing;

/// <summary>
/// Splits Markdown into sections at ATX headings (<c>#</c> … <c>######</c>, not inside code fences) and strips
/// inline markup for the searchable text. Front matter (<c>---</c> … <c>---</c>) may give the <c>title</c>.
/// </summary>
internal static partial class MarkdownParser
{
    public static ParsedDocument Parse(string markdown, string fallbackTitle)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var start = 0;
        string? frontTitle = null;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.Trim() is "---" or "...");
            if (end > 0)
            {
                foreach (var line in lines[1..end])
                {
                    var m = FrontTitle().Match(line);
                    if (m.Success) frontTitle = m.Groups[1].Value.Trim().Trim('"', '\'');
                }
                start = end + 1;
            }
        }

        var sections = new List<DocumentSection>();
        var anchors = new Anchors();
        string? heading = null;
        var level = 0;
        var content = new StringBuilder();
        var fenced = false;
        string? firstTopHeading = null;

        void Flush()
        {
            var raw = content.ToString().Trim('\n');
            var text = Plain(raw);
            if (heading is not null || text.Length > 0)
                sections.Add(new DocumentSection(heading, level, anchors.Next(heading), text, raw));
            content.Clear();
        }

        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
                fenced = !fenced;
            var match = fenced ? Match.Empty : Heading().Match(line);
            if (match.Success)
            {
                Flush();
                level = match.Groups[1].Length;
                heading = Inline(match.Groups[2].Value).Trim();
                if (level == 1) firstTopHeading ??= heading;
            }
            content.Append(line).Append('\n');
        }
        Flush();

        var title = frontTitle ?? firstTopHeading ?? sections.Select(s => s.Heading).FirstOrDefault(h => h is not null) ?? fallbackTitle;
        return new ParsedDocument(title, "markdown", sections);
    }

    /// <summary>The section's text without Markdown syntax; the heading line is kept as words.</summary>
    private static string Plain(string raw)
    {
        var builder = new StringBuilder();
        var fenced = false;
        foreach (var line in raw.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            if (!fenced && (TableRule().IsMatch(trimmed) || HorizontalRule().IsMatch(trimmed)))
                continue;
            var text = fenced ? trimmed : Inline(Heading().Replace(trimmed, "$2"));
            text = BlockPrefix().Replace(text, "").Replace('|', ' ');
            text = Spaces().Replace(text, " ").Trim();
            if (text.Length > 0) builder.Append(text).Append('\n');
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>Inline Markdown to text: images and links keep their words, code and emphasis lose their marks, tags go.</summary>
    internal static string Inline(string text)
    {
        text = Image().Replace(text, "$1");
        text = Link().Replace(text, "$1");
        text = Tag().Replace(text, "");
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        text = Emphasis().Replace(text, "$1");
        return System.Net.WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^title\s*:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FrontTitle();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^(>\s*)+|^([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?")]
    private static partial Regex BlockPrefix();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<![\w*])[*_]([^*_\n]+)[*_](?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
