namespace McpOpenAI.Plugins.Support.Data;

/// <summary>The schema of the support database: the knowledge base (loaded from documents) and tickets.</summary>
internal static class SupportSchema
{
    public const string Create = """
        PRAGMA journal_mode = DELETE;
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS kb_articles (
            article_id TEXT PRIMARY KEY,           -- the document id, as the research plugin's read_document knows it
            title      TEXT NOT NULL,
            category   TEXT NOT NULL,              -- the top folder: policies, faq, guides, manuals, about
            path       TEXT NOT NULL,
            content    TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS kb_fts USING fts5(
            article_id UNINDEXED, anchor UNINDEXED, content UNINDEXED, title, heading, body,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        CREATE TABLE IF NOT EXISTS tickets (
            ticket_id        INTEGER PRIMARY KEY,
            customer_id      INTEGER NOT NULL,     -- customers.customer_id in the company database
            order_id         INTEGER,              -- orders.order_id in the company database
            subject          TEXT    NOT NULL,
            description      TEXT    NOT NULL,
            priority         TEXT    NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
            status           TEXT    NOT NULL CHECK (status IN ('open', 'escalated', 'closed')),
            escalation_level TEXT    NOT NULL DEFAULT 'tier1' CHECK (escalation_level IN ('tier1', 'tier2', 'supervisor', 'safety')),
            created_at       TEXT    NOT NULL,
            updated_at       TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_tickets_customer ON tickets (customer_id);
        CREATE INDEX IF NOT EXISTS ix_tickets_order ON tickets (order_id);
        CREATE TABLE IF NOT EXISTS ticket_events (
            event_id   INTEGER PRIMARY KEY,
            ticket_id  INTEGER NOT NULL REFERENCES tickets (ticket_id),
            kind       TEXT    NOT NULL CHECK (kind IN ('created', 'escalated')),
            level      TEXT,
            detail     TEXT    NOT NULL,
            created_at TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_ticket_events_ticket ON ticket_events (ticket_id);
        """;
}
