using System.Security.Cryptography;
using System.Text;
using McpOpenAI.Plugins.Research.Indexing;
using McpOpenAI.Plugins.Research.Parsing;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Support.Data;

/// <summary>
/// Loads the knowledge base from the document folder: one article per document (its id is the document's path without
/// extension, as in the research plugin), one full-text row per section. Reloads only when the folder changed
/// (a fingerprint of every file's path, size and modification time).
/// </summary>
internal static class KnowledgeBaseLoader
{
    private const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Reloads the knowledge base if the folder changed; returns the article count when it did, else null.</summary>
    public static async Task<int?> SyncAsync(SqliteConnection connection, string folder, CancellationToken cancellationToken)
    {
        var files = CorpusScanner.Scan(folder, MaxFileBytes);
        var fingerprint = Fingerprint(folder, files);
        var check = connection.CreateCommand();
        await using (check.ConfigureAwait(false))
        {
            check.CommandText = "SELECT value FROM meta WHERE key = 'kb_fingerprint'";
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string stored && stored == fingerprint)
                return null;
        }

        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        await ExecuteAsync(connection, "DELETE FROM kb_fts; DELETE FROM kb_articles;", cancellationToken).ConfigureAwait(false);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var parsed = DocumentParser.Parse(file.RelativePath, await File.ReadAllTextAsync(file.FullPath, cancellationToken).ConfigureAwait(false));
            var stem = file.RelativePath[..^Path.GetExtension(file.RelativePath).Length];
            var id = ids.Add(stem) ? stem : file.RelativePath;
            ids.Add(id);
            var category = file.RelativePath.Contains('/') ? file.RelativePath[..file.RelativePath.IndexOf('/')] : "general";
            await ExecuteAsync(connection, "INSERT INTO kb_articles (article_id, title, category, path, content) VALUES ($id, $title, $category, $path, $content)",
                cancellationToken, ("$id", id), ("$title", parsed.Title), ("$category", category), ("$path", file.RelativePath),
                ("$content", string.Join("\n\n", parsed.Sections.Select(s => s.Content)))).ConfigureAwait(false);
            foreach (var section in parsed.Sections)
            {
                await ExecuteAsync(connection, "INSERT INTO kb_fts (article_id, anchor, content, title, heading, body) VALUES ($id, $anchor, $content, $title, $heading, $body)",
                    cancellationToken, ("$id", id), ("$anchor", section.Anchor), ("$content", section.Content), ("$title", parsed.Title),
                    ("$heading", section.Heading ?? ""), ("$body", section.Text)).ConfigureAwait(false);
            }
        }
        await ExecuteAsync(connection, "INSERT INTO meta (key, value) VALUES ('kb_fingerprint', $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            cancellationToken, ("$value", fingerprint)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return files.Count;
    }

    private static string Fingerprint(string folder, IReadOnlyList<CorpusFile> files)
    {
        var text = new StringBuilder(Path.GetFullPath(folder)).Append('\n');
        foreach (var file in files)
            text.Append(file.RelativePath).Append('|').Append(file.Size).Append('|').Append(file.ModifiedTicks).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
