using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Research.Results;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>Full-text search over a <see cref="CorpusIndex"/>: BM25 ranking (title, then heading, then body), snippets, one hit per document.</summary>
public static class IndexSearcher
{
    // bm25 weights per column: doc_id, ordinal, level, anchor, content (unindexed), title, heading, body.
    private const string Sql = """
        SELECT s.doc_id, d.path, d.title, s.heading, s.anchor,
               snippet(sections, 7, '**', '**', ' … ', 24) AS snippet,
               bm25(sections, 0, 0, 0, 0, 0, 4.0, 2.5, 1.0) AS score
        FROM sections s JOIN documents d ON d.doc_id = s.doc_id
        WHERE sections MATCH $query
        ORDER BY score
        LIMIT $limit
        """;

    /// <summary>Searches <paramref name="index"/>; the index should be refreshed first.</summary>
    /// <returns>The hits (best first, one per document) and the mode that found them.</returns>
    /// <exception cref="FunctionException"><c>invalid_argument</c> for an empty query or bad FTS5 syntax.</exception>
    public static async Task<(IReadOnlyList<DocumentHit> Hits, string Mode)> SearchAsync(CorpusIndex index, string query, int limit, CancellationToken cancellationToken)
    {
        var plan = FtsQuery.Plan(query);
        if (plan.Count == 0)
            throw FunctionException.InvalidArgument("query", "it has no words to search for.", example: "refund opened items");
        var connection = await index.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        IReadOnlyList<DocumentHit> hits = [];
        foreach (var attempt in plan)
        {
            hits = await RunAsync(connection, attempt, limit, cancellationToken).ConfigureAwait(false);
            if (hits.Count > 0)
                return (hits, attempt.Mode);
        }
        return (hits, plan[^1].Mode);
    }

    private static async Task<IReadOnlyList<DocumentHit>> RunAsync(SqliteConnection connection, FtsQuery query, int limit, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$query", query.Expression);
        // Several sections of one document may match; fetch enough to fill the limit with distinct documents.
        command.Parameters.AddWithValue("$limit", Math.Max(limit * 8, 40));
        var hits = new List<DocumentHit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerDisposal = reader.ConfigureAwait(false);
            while (hits.Count < limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                if (!seen.Add(id))
                    continue;
                var heading = reader.GetString(3);
                hits.Add(new DocumentHit(hits.Count + 1, id, reader.GetString(1), reader.GetString(2),
                    heading.Length == 0 ? null : heading, heading.Length == 0 ? null : reader.GetString(4),
                    reader.GetString(5).Replace('\n', ' '), Math.Round(-reader.GetDouble(6), 3)));
            }
        }
        catch (SqliteException e) when (query.Mode == FtsQuery.Advanced && IsSyntaxError(e))
        {
            throw new FunctionException(ErrorCodes.InvalidArgument,
                $"Invalid argument 'query': the full-text query '{query.Expression}' is not valid FTS5 syntax ({e.Message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).TrimEnd('.')}).",
                [
                    "Use plain words (e.g. refund opened items) and the search handles the rest.",
                    "Or fix the syntax: balance the double quotes, put AND/OR/NOT between terms, use NEAR(a b, 5) or prefix* forms.",
                ], e);
        }
        return hits;
    }

    private static bool IsSyntaxError(SqliteException e) =>
        e.SqliteErrorCode == 1 && (e.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("syntax error", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("no such column", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("unterminated", StringComparison.OrdinalIgnoreCase));
}
