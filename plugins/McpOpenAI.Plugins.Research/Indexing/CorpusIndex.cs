using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using McpOpenAI.Plugins.Research.Parsing;
using McpOpenAI.Plugins.Research.Results;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>
/// A SQLite FTS5 index of a corpus folder, kept in step with the files: each refresh compares every file's size and
/// modification time with the index, hashes the ones that differ, re-parses only those whose content changed, and
/// drops documents whose file is gone. An index built for another folder or schema version is rebuilt.
/// </summary>
public sealed class CorpusIndex
{
    private readonly string _connectionString;
    private readonly long _maxFileBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _created;

    /// <summary>Creates the index of <paramref name="corpusPath"/> in the SQLite file <paramref name="indexFile"/>.</summary>
    public CorpusIndex(string corpusPath, string indexFile, long maxFileBytes = 4 * 1024 * 1024, TimeProvider? time = null, ILogger? logger = null)
    {
        CorpusPath = Path.GetFullPath(corpusPath);
        IndexFile = Path.GetFullPath(indexFile);
        _maxFileBytes = maxFileBytes;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = IndexFile, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The corpus folder.</summary>
    public string CorpusPath { get; }

    /// <summary>The index database file.</summary>
    public string IndexFile { get; }

    /// <summary>Brings the index up to date with the corpus folder and says what changed.</summary>
    public async Task<IndexSummary> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionDisposal = connection.ConfigureAwait(false);
            var files = CorpusScanner.Scan(CorpusPath, _maxFileBytes);
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionDisposal = transaction.ConfigureAwait(false);
            var known = await LoadKnownAsync(connection, cancellationToken).ConfigureAwait(false);
            int added = 0, changed = 0, removed = 0;
            var usedIds = known.Values.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                known.Remove(file.RelativePath, out var row);
                if (row is not null && row.Size == file.Size && row.Mtime == file.ModifiedTicks)
                    continue;
                var bytes = await File.ReadAllBytesAsync(file.FullPath, cancellationToken).ConfigureAwait(false);
                var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
                if (row is not null && row.Hash == hash)
                {
                    await ExecuteAsync(connection, "UPDATE documents SET size = $size, mtime = $mtime WHERE doc_id = $id", cancellationToken,
                        ("$size", file.Size), ("$mtime", file.ModifiedTicks), ("$id", row.Id)).ConfigureAwait(false);
                    continue;
                }
                var id = row?.Id ?? NewId(file.RelativePath, usedIds);
                var parsed = DocumentParser.Parse(file.RelativePath, Decode(bytes));
                await WriteDocumentAsync(connection, id, file, hash, parsed, cancellationToken).ConfigureAwait(false);
                if (row is null) added++;
                else changed++;
            }
            foreach (var gone in known.Values)
            {
                await ExecuteAsync(connection, "DELETE FROM sections WHERE doc_id = $id; DELETE FROM documents WHERE doc_id = $id", cancellationToken, ("$id", gone.Id)).ConfigureAwait(false);
                removed++;
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (added + changed + removed > 0)
                _logger.LogInformation("Corpus index {Path}: {Added} added, {Changed} changed, {Removed} removed", CorpusPath, added, changed, removed);
            return new IndexSummary(CorpusPath, files.Count, added, changed, removed);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Opens a connection to the index, creating or resetting it the first time.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_created)
            Directory.CreateDirectory(Path.GetDirectoryName(IndexFile)!);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_created)
            {
                await ExecuteAsync(connection, IndexSchema.Create, cancellationToken).ConfigureAwait(false);
                await ResetIfForeignAsync(connection, cancellationToken).ConfigureAwait(false);
                _created = true;
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ResetIfForeignAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = "SELECT (SELECT value FROM meta WHERE key = 'corpus'), (SELECT value FROM meta WHERE key = 'version')";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var corpus = reader.IsDBNull(0) ? null : reader.GetString(0);
        var version = reader.IsDBNull(1) ? null : reader.GetString(1);
        await reader.DisposeAsync().ConfigureAwait(false);
        if (corpus == CorpusPath && version == IndexSchema.Version)
            return;
        await ExecuteAsync(connection, IndexSchema.Clear + " INSERT INTO meta (key, value) VALUES ('corpus', $corpus), ('version', $version);",
            cancellationToken, ("$corpus", CorpusPath), ("$version", IndexSchema.Version)).ConfigureAwait(false);
    }

    private async Task WriteDocumentAsync(SqliteConnection connection, string id, CorpusFile file, string hash, ParsedDocument parsed, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, """
            DELETE FROM sections WHERE doc_id = $id;
            INSERT INTO documents (doc_id, path, title, format, size, mtime, hash, indexed_at)
            VALUES ($id, $path, $title, $format, $size, $mtime, $hash, $at)
            ON CONFLICT (doc_id) DO UPDATE SET path = excluded.path, title = excluded.title, format = excluded.format,
                size = excluded.size, mtime = excluded.mtime, hash = excluded.hash, indexed_at = excluded.indexed_at;
            """, cancellationToken, ("$id", id), ("$path", file.RelativePath), ("$title", parsed.Title), ("$format", parsed.Format),
            ("$size", file.Size), ("$mtime", file.ModifiedTicks), ("$hash", hash),
            ("$at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))).ConfigureAwait(false);
        for (var i = 0; i < parsed.Sections.Count; i++)
        {
            var s = parsed.Sections[i];
            await ExecuteAsync(connection, """
                INSERT INTO sections (doc_id, ordinal, level, anchor, content, title, heading, body)
                VALUES ($id, $ordinal, $level, $anchor, $content, $title, $heading, $body)
                """, cancellationToken, ("$id", id), ("$ordinal", i), ("$level", s.Level), ("$anchor", s.Anchor), ("$content", s.Content),
                ("$title", parsed.Title), ("$heading", s.Heading ?? ""), ("$body", s.Text)).ConfigureAwait(false);
        }
    }

    private static async Task<Dictionary<string, KnownFile>> LoadKnownAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, KnownFile>(StringComparer.Ordinal);
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = "SELECT path, doc_id, size, mtime, hash FROM documents";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            known[reader.GetString(0)] = new KnownFile(reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4));
        return known;
    }

    /// <summary>The id of a new document: its path without extension, or with it when that is taken.</summary>
    private static string NewId(string relativePath, HashSet<string> used)
    {
        var extension = Path.GetExtension(relativePath);
        var stem = relativePath[..^extension.Length];
        var id = used.Contains(stem) ? relativePath : stem;
        used.Add(id);
        return id;
    }

    private static string Decode(byte[] bytes)
    {
        var text = new UTF8Encoding(false, false).GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record KnownFile(string Id, long Size, long Mtime, string Hash);
}
