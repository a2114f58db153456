using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Research.Results;

namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>Builds what <c>read_document</c> returns: the whole document or a section, cut at the limit, with a citation.</summary>
internal static class DocumentView
{
    public static DocumentContent Create(StoredDocument document, string? section, int maxCharacters)
    {
        var headings = document.Sections.Where(s => s.Heading is not null).Select(s => new SectionInfo(s.Heading!, s.Level, s.Anchor)).ToList();
        var selected = document.Sections;
        string? sectionName = null;
        if (!string.IsNullOrWhiteSpace(section))
        {
            selected = SectionSelector.Select(document.Sections, section);
            if (selected.Count == 0)
                throw new FunctionException(ErrorCodes.NotFound, $"The document '{document.Id}' has no section '{section}'.",
                    [headings.Count == 0 ? "This document has no headings; read it whole (omit section)." : "Its sections: " + string.Join("; ", headings.Select(h => $"{h.Heading} ({h.Anchor})"))]);
            sectionName = selected[0].Heading;
        }
        var text = string.Join("\n\n", selected.Select(s => s.Content));
        var truncated = text.Length > maxCharacters;
        if (truncated)
            text = text[..maxCharacters];
        var citation = sectionName is null ? $"{document.Title} ({document.Path})" : $"{document.Title}, \"{sectionName}\" ({document.Path})";
        return new DocumentContent(document.Id, document.Path, document.Title, document.Format, sectionName, text, headings, truncated, citation);
    }
}
