namespace McpOpenAI.Plugins.Research.Results;

/// <summary>One document found by <c>search_documents</c>, with its best-matching section.</summary>
/// <param name="Rank">1 for the best hit.</param>
/// <param name="Id">The document id, for <c>read_document</c> and citations.</param>
/// <param name="Path">The path inside the corpus.</param>
/// <param name="Title">The document title.</param>
/// <param name="Section">The heading of the best-matching section, when it has one.</param>
/// <param name="Anchor">That section's anchor, usable as <c>read_document</c>'s <c>section</c>.</param>
/// <param name="Snippet">Matching text with the matched words in <c>**bold**</c>.</param>
/// <param name="Score">The relevance (higher is better; BM25).</param>
public sealed record DocumentHit(int Rank, string Id, string Path, string Title, string? Section, string? Anchor, string Snippet, double Score);
