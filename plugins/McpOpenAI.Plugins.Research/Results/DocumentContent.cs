namespace McpOpenAI.Plugins.Research.Results;

/// <summary>A document, or one section of it, as <c>read_document</c> returns it.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Path">The path inside the corpus.</param>
/// <param name="Title">The document title.</param>
/// <param name="Format"><c>markdown</c>, <c>html</c> or <c>text</c>.</param>
/// <param name="Section">The section read (with its sub-sections), or null for the whole document.</param>
/// <param name="Text">The text: Markdown as written; HTML reduced to text.</param>
/// <param name="Sections">Every heading of the document.</param>
/// <param name="Truncated">True when the text was cut at the server's limit.</param>
/// <param name="Citation">A ready-made citation: title, section and path.</param>
public sealed record DocumentContent(string Id, string Path, string Title, string Format, string? Section, string Text,
    IReadOnlyList<SectionInfo> Sections, bool Truncated, string Citation);
