using McpOpenAI.Plugins.Research.Parsing;

namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>Finds a section by anchor or heading and takes it with its sub-sections.</summary>
internal static class SectionSelector
{
    /// <summary>The section named <paramref name="name"/> and the deeper sections that follow it; empty when none matches.</summary>
    public static IReadOnlyList<DocumentSection> Select(IReadOnlyList<DocumentSection> sections, string name)
    {
        var wanted = name.Trim().TrimStart('#').Trim();
        var slug = Anchors.Slug(wanted);
        var index = FindIndex(sections, s => s.Anchor == slug || string.Equals(s.Heading, wanted, StringComparison.OrdinalIgnoreCase));
        if (index < 0 && slug.Length > 0)
            index = FindIndex(sections, s => s.Heading is not null && (Anchors.Slug(s.Heading).Contains(slug, StringComparison.Ordinal)));
        if (index < 0)
            return [];
        var level = sections[index].Level;
        var end = index + 1;
        while (end < sections.Count && level > 0 && sections[end].Level > level)
            end++;
        return sections.Skip(index).Take(end - index).ToList();
    }

    private static int FindIndex(IReadOnlyList<DocumentSection> sections, Func<DocumentSection, bool> match)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            if (match(sections[i])) return i;
        }
        return -1;
    }
}
