using System.Security.Cryptography;
using McpOpenAI.Plugins.Support.Data;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Support.Tests;

/// <summary>Writes are confined to tickets: the connections that serve tool calls refuse everything else.</summary>
public sealed class WriteGuardTests(SampleCompanyFixture sample) : IClassFixture<SampleCompanyFixture>, IDisposable
{
    private readonly SupportTestContext _context = new(sample);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _context.Dispose();

    [Theory]
    [InlineData("DELETE FROM tickets")]
    [InlineData("DELETE FROM ticket_events")]
    [InlineData("UPDATE kb_articles SET title = 'x'")]
    [InlineData("INSERT INTO kb_articles (article_id, title, category, path, content) VALUES ('x', 'x', 'x', 'x', 'x')")]
    [InlineData("DELETE FROM kb_fts")]
    [InlineData("INSERT INTO meta (key, value) VALUES ('k', 'v')")]
    [InlineData("DROP TABLE tickets")]
    [InlineData("CREATE TABLE evil (x)")]
    [InlineData("ALTER TABLE tickets ADD COLUMN x")]
    [InlineData("CREATE TRIGGER t AFTER INSERT ON tickets BEGIN DELETE FROM kb_articles; END")]
    [InlineData("PRAGMA writable_schema = 1")]
    [InlineData("PRAGMA journal_mode = WAL")]
    [InlineData("VACUUM")]
    [InlineData("SELECT load_extension('x')")]
    public async Task TicketWriter_WriteOutsideTickets_RefusedAndRowsUnchanged(string sql)
    {
        var (customer, _) = (5L, 0);
        await _context.Tickets.CreateTicketAsync(customer, "s", "d", "low", cancellationToken: Ct);
        var before = Snapshot();

        await using var writer = _context.Database.OpenTicketWriter();
        await using var command = writer.CreateCommand();
        command.CommandText = sql;
        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));

        Assert.Contains("authoriz", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task TicketWriter_AttachAnotherDatabase_Refused()
    {
        await _context.Knowledge.SearchKbAsync("x", cancellationToken: Ct);
        await using var writer = _context.Database.OpenTicketWriter();
        await using var command = writer.CreateCommand();
        command.CommandText = $"ATTACH DATABASE '{_context.CompanyFile}' AS company";

        await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));
    }

    [Theory]
    [InlineData("UPDATE customers SET email = 'x@example.com'")]
    [InlineData("DELETE FROM orders")]
    [InlineData("INSERT INTO regions (region_id, name, sales_target) VALUES (99, 'x', 1)")]
    [InlineData("DROP TABLE shipments")]
    public async Task CompanyConnection_AnyWrite_RefusedAndFileUnchanged(string sql)
    {
        await _context.Customers.GetOrderAsync(1, Ct);
        var before = FileHash(_context.CompanyFile);

        await using var company = _context.Database.OpenCompany();
        await using var command = company.CreateCommand();
        command.CommandText = sql;
        await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));

        Assert.Equal(before, FileHash(_context.CompanyFile));
    }

    [Fact]
    public async Task EveryFunction_LeavesTheCompanyDatabaseBytesUnchanged()
    {
        var before = FileHash(_context.CompanyFile);

        await _context.Knowledge.SearchKbAsync("warranty tent", cancellationToken: Ct);
        await _context.Customers.GetCustomerAsync(1, cancellationToken: Ct);
        await _context.Customers.GetOrderAsync(1, Ct);
        var customer = (long)_context.Company("SELECT customer_id FROM orders WHERE order_id = 1")!;
        var ticket = await _context.Tickets.CreateTicketAsync(customer, "s", "d", "normal", 1, Ct);
        await _context.Tickets.EscalateAsync(ticket.TicketId, "r", cancellationToken: Ct);
        await _context.Tickets.GetTicketAsync(ticket.TicketId, Ct);

        Assert.Equal(before, FileHash(_context.CompanyFile));
    }

    [Theory]
    [InlineData(18, "tickets", true)]
    [InlineData(23, "ticket_events", true)]
    [InlineData(18, "kb_articles", false)]
    [InlineData(23, "customers", false)]
    [InlineData(9, "tickets", false)]
    [InlineData(22, null, true)]
    [InlineData(24, "company", false)]
    public void Decide_TicketsOnly_AllowsOnlyTicketWrites(int action, string? table, bool allowed)
    {
        Assert.Equal(allowed, SupportAuthorizer.Decide(true, action, table, null) == 0);
        Assert.False(SupportAuthorizer.Decide(false, action, table, null) == 0);
    }

    private string Snapshot() => string.Join("|",
        _context.Support("SELECT COUNT(*) FROM tickets"), _context.Support("SELECT COUNT(*) FROM ticket_events"),
        _context.Support("SELECT COUNT(*) FROM kb_articles"), _context.Support("SELECT group_concat(title) FROM kb_articles"),
        _context.Support("SELECT COUNT(*) FROM kb_fts"), _context.Support("SELECT COUNT(*) FROM sqlite_master"),
        _context.Support("SELECT group_concat(key || value) FROM meta"));

    private static string FileHash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
}
