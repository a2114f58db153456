using McpOpenAI.Plugins.Research.Parsing;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>Reads documents back from a <see cref="CorpusIndex"/>.</summary>
public static class IndexReader
{
    /// <summary>The document with this id or corpus-relative path, or null.</summary>
    public static async Task<StoredDocument?> FindAsync(CorpusIndex index, string idOrPath, CancellationToken cancellationToken)
    {
        var connection = await index.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = """
            SELECT doc_id, path, title, format FROM documents
            WHERE doc_id = $key OR path = $key OR lower(doc_id) = lower($key) OR lower(path) = lower($key)
            ORDER BY (doc_id = $key OR path = $key) DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$key", idOrPath.Trim().Replace('\\', '/').TrimStart('/'));
        string id, path, title, format;
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                return null;
            (id, path, title, format) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
        }
        return new StoredDocument(id, path, title, format, await SectionsAsync(connection, id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Some document ids, for error messages that say what exists.</summary>
    public static async Task<IReadOnlyList<string>> SampleIdsAsync(CorpusIndex index, int count, CancellationToken cancellationToken)
    {
        var connection = await index.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = "SELECT doc_id FROM documents ORDER BY doc_id LIMIT $count";
        command.Parameters.AddWithValue("$count", count);
        var ids = new List<string>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task<IReadOnlyList<DocumentSection>> SectionsAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = "SELECT heading, level, anchor, body, content FROM sections WHERE doc_id = $id ORDER BY ordinal";
        command.Parameters.AddWithValue("$id", id);
        var sections = new List<DocumentSection>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var heading = reader.GetString(0);
            sections.Add(new DocumentSection(heading.Length == 0 ? null : heading, (int)reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        return sections;
    }
}
