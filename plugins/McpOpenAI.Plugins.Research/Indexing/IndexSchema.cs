namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>The SQLite schema of the corpus index.</summary>
internal static class IndexSchema
{
    /// <summary>Bumped when the layout or the parsing changes; an index of another version is rebuilt.</summary>
    public const string Version = "1";

    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS documents (
            doc_id     TEXT PRIMARY KEY,
            path       TEXT NOT NULL UNIQUE,
            title      TEXT NOT NULL,
            format     TEXT NOT NULL,
            size       INTEGER NOT NULL,
            mtime      INTEGER NOT NULL,
            hash       TEXT NOT NULL,
            indexed_at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS sections USING fts5(
            doc_id UNINDEXED, ordinal UNINDEXED, level UNINDEXED, anchor UNINDEXED, content UNINDEXED,
            title, heading, body,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """;

    public const string Clear = "DELETE FROM sections; DELETE FROM documents; DELETE FROM meta;";
}
