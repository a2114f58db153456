using System.Text;

namespace McpOpenAI.Plugins.Research.Parsing;

/// <summary>Makes heading slugs (<c>Returns of opened items</c> → <c>returns-of-opened-items</c>), unique within a document.</summary>
internal sealed class Anchors
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>The slug of <paramref name="heading"/>, with <c>-2</c>, <c>-3</c>… appended when already used.</summary>
    public string Next(string? heading)
    {
        var slug = Slug(heading);
        if (slug.Length == 0) slug = "intro";
        if (!_seen.TryGetValue(slug, out var count))
        {
            _seen[slug] = 1;
            return slug;
        }
        _seen[slug] = count + 1;
        return $"{slug}-{count + 1}";
    }

    /// <summary>Lower-case letters and digits, runs of anything else turned into one hyphen.</summary>
    public static string Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (dash && builder.Length > 0) builder.Append('-');
                builder.Append(c);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        return builder.ToString();
    }
}
