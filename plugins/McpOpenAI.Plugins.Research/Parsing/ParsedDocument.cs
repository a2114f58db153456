namespace McpOpenAI.Plugins.Research.Parsing;

/// <summary>A document reduced to its title and sections.</summary>
/// <param name="Title">The title: front matter, first top heading, HTML title, first line or the file name.</param>
/// <param name="Format">The source format: <c>markdown</c>, <c>html</c> or <c>text</c>.</param>
/// <param name="Sections">The sections in document order.</param>
public sealed record ParsedDocument(string Title, string Format, IReadOnlyList<DocumentSection> Sections);
