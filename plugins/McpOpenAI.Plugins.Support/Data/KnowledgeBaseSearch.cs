using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Research.Indexing;
using McpOpenAI.Plugins.Support.Results;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Support.Data;

/// <summary>Full-text search of the knowledge base with the research plugin's query rules: BM25, snippets, one hit per article.</summary>
internal static class KnowledgeBaseSearch
{
    private const int MaxSectionText = 2000;

    private const string Query = """
        SELECT f.article_id, a.title, a.category, f.heading, snippet(kb_fts, 5, '**', '**', ' … ', 24), f.content,
               bm25(kb_fts, 0, 0, 0, 4.0, 2.5, 1.0) AS score
        FROM kb_fts f JOIN kb_articles a ON a.article_id = f.article_id
        WHERE kb_fts MATCH $query ORDER BY score LIMIT $limit
        """;

    public static async Task<KbSearchResult> SearchAsync(SqliteConnection reader, string query, int limit, CancellationToken cancellationToken)
    {
        var plan = FtsQuery.Plan(query);
        if (plan.Count == 0)
            throw FunctionException.InvalidArgument("query", "it has no words to search for.", example: "refund opened items");
        List<KbHit> hits = [];
        foreach (var attempt in plan)
        {
            hits = await RunAsync(reader, attempt, limit, cancellationToken).ConfigureAwait(false);
            if (hits.Count > 0)
                return new KbSearchResult(query, attempt.Mode, hits.Count, hits);
        }
        return new KbSearchResult(query, plan[^1].Mode, 0, hits);
    }

    private static async Task<List<KbHit>> RunAsync(SqliteConnection reader, FtsQuery query, int limit, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await Sql.ListAsync(reader, Query, r => (Id: r.GetString(0), Title: r.GetString(1), Category: r.GetString(2), Heading: r.GetString(3),
                Snippet: r.GetString(4), Content: r.GetString(5), Score: -r.GetDouble(6)), cancellationToken, ("$query", query.Expression), ("$limit", Math.Max(limit * 8, 40))).ConfigureAwait(false);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return rows.Where(r => seen.Add(r.Id)).Take(limit)
                .Select((r, i) => new KbHit(i + 1, r.Id, r.Title, r.Category, r.Heading.Length == 0 ? null : r.Heading, r.Snippet.Replace('\n', ' '),
                    r.Content.Length > MaxSectionText ? r.Content[..MaxSectionText] + " …" : r.Content, Math.Round(r.Score, 3)))
                .ToList();
        }
        catch (SqliteException e) when (query.Mode == FtsQuery.Advanced && e.SqliteErrorCode == 1)
        {
            throw new FunctionException(ErrorCodes.InvalidArgument,
                $"Invalid argument 'query': '{query.Expression}' is not valid full-text syntax ({e.Message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).TrimEnd('.')}).",
                ["Use plain words (e.g. refund opened items).", "Or fix the syntax: balance the double quotes, put AND/OR/NOT between terms."], e);
        }
    }
}
