using McpOpenAI.Plugins.Research.Parsing;

namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>A document as the index holds it.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Path">The path inside the corpus.</param>
/// <param name="Title">The title.</param>
/// <param name="Format">The source format.</param>
/// <param name="Sections">The sections in document order.</param>
public sealed record StoredDocument(string Id, string Path, string Title, string Format, IReadOnlyList<DocumentSection> Sections);
