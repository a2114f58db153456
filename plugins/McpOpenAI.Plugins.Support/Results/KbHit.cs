namespace McpOpenAI.Plugins.Support.Results;

/// <summary>One knowledge-base article found by <c>search_kb</c>, with its best-matching section.</summary>
/// <param name="Rank">1 for the best hit.</param>
/// <param name="ArticleId">The article id (the same id the research plugin's <c>read_document</c> takes).</param>
/// <param name="Title">The article title.</param>
/// <param name="Category">policies, faq, guides, manuals or about.</param>
/// <param name="Section">The heading of the best-matching section, when it has one.</param>
/// <param name="Snippet">Matching text with the matched words in <c>**bold**</c>.</param>
/// <param name="Text">The whole best-matching section (cut at 2,000 characters), to quote from.</param>
/// <param name="Score">The relevance (higher is better; BM25).</param>
public sealed record KbHit(int Rank, string ArticleId, string Title, string Category, string? Section, string Snippet, string Text, double Score);
