namespace McpOpenAI.Plugins.Research.Results;

/// <summary>What <c>search_documents</c> found.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="Mode">How it was matched: <c>all_words</c>, <c>any_word</c> (no document had every word) or <c>fts5</c> (the query's own syntax).</param>
/// <param name="Count">The number of hits.</param>
/// <param name="Hits">The hits, best first, one per document.</param>
/// <param name="Index">The index state (documents, and what this call re-indexed).</param>
public sealed record DocumentSearchResult(string Query, string Mode, int Count, IReadOnlyList<DocumentHit> Hits, IndexSummary Index);
