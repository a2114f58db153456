namespace McpOpenAI.Plugins.Support.Results;

/// <summary>What <c>search_kb</c> found.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="Mode"><c>all_words</c>, <c>any_word</c> (no article had every word) or <c>fts5</c> (the query's own syntax).</param>
/// <param name="Count">The number of hits.</param>
/// <param name="Hits">The hits, best first, one per article.</param>
public sealed record KbSearchResult(string Query, string Mode, int Count, IReadOnlyList<KbHit> Hits);
