using System.Globalization;
using McpOpenAI.Plugins.Support.Results;
using System.Data.Common;

namespace McpOpenAI.Plugins.Support.Data;

/// <summary>
/// Writes and reads tickets in the support database (the writer connection can write nothing else), or in the team's
/// PostgreSQL database (<see cref="SupportDatabase.TicketSchema"/>); the statements are the same for both.
/// </summary>
internal static class TicketStore
{
    private const string SummaryColumns = "SELECT ticket_id, subject, priority, status, order_id, created_at FROM tickets";

    public static async Task<long> CreateAsync(DbConnection writer, long customerId, long? orderId, string subject, string description, string priority,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = Stamp(now);
        var transaction = await writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var id = Convert.ToInt64(await Sql.ScalarAsync(writer, """
            INSERT INTO tickets (customer_id, order_id, subject, description, priority, status, escalation_level, created_at, updated_at)
            VALUES (@customer, @order, @subject, @description, @priority, 'open', 'tier1', @at, @at)
            RETURNING ticket_id
            """, cancellationToken, ("@customer", customerId), ("@order", orderId), ("@subject", subject), ("@description", description),
            ("@priority", priority), ("@at", at)).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await AddEventAsync(writer, id, "created", null, description, at, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    public static async Task EscalateAsync(DbConnection writer, long ticketId, string level, string? priority, string reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var at = Stamp(now);
        var transaction = await writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var update = Sql.Command(writer, """
            UPDATE tickets SET status = 'escalated', escalation_level = @level, priority = COALESCE(@priority, priority), updated_at = @at
            WHERE ticket_id = @id
            """, ("@level", level), ("@priority", priority), ("@at", at), ("@id", ticketId));
        await using (update.ConfigureAwait(false))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await AddEventAsync(writer, ticketId, "escalated", level, reason, at, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ticket row (without the customer's name) and its events; null when there is no such ticket.</summary>
    public static async Task<TicketDetails?> FindAsync(DbConnection connection, long ticketId, CancellationToken cancellationToken)
    {
        var rows = await Sql.ListAsync(connection, """
            SELECT ticket_id, customer_id, order_id, subject, description, priority, status, escalation_level, created_at, updated_at
            FROM tickets WHERE ticket_id = @id
            """, r => new TicketDetails(r.GetInt64(0), r.GetInt64(1), "", r.NullableInt64(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), []), cancellationToken, ("@id", ticketId)).ConfigureAwait(false);
        if (rows.Count == 0)
            return null;
        var events = await Sql.ListAsync(connection, "SELECT kind, level, detail, created_at FROM ticket_events WHERE ticket_id = @id ORDER BY event_id",
            r => new TicketEvent(r.GetString(0), r.NullableString(1), r.GetString(2), r.GetString(3)), cancellationToken, ("@id", ticketId)).ConfigureAwait(false);
        return rows[0] with { Events = events };
    }

    public static Task<List<TicketSummary>> ForCustomerAsync(DbConnection connection, long customerId, CancellationToken cancellationToken) =>
        Sql.ListAsync(connection, SummaryColumns + " WHERE customer_id = @id ORDER BY ticket_id DESC LIMIT 50", Summary, cancellationToken, ("@id", customerId));

    public static Task<List<TicketSummary>> ForOrderAsync(DbConnection connection, long orderId, CancellationToken cancellationToken) =>
        Sql.ListAsync(connection, SummaryColumns + " WHERE order_id = @id ORDER BY ticket_id DESC LIMIT 50", Summary, cancellationToken, ("@id", orderId));

    private static TicketSummary Summary(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableInt64(4), r.GetString(5));

    private static async Task AddEventAsync(DbConnection writer, long ticketId, string kind, string? level, string detail, string at, CancellationToken cancellationToken)
    {
        var command = Sql.Command(writer, "INSERT INTO ticket_events (ticket_id, kind, level, detail, created_at) VALUES (@ticket, @kind, @level, @detail, @at)",
            ("@ticket", ticketId), ("@kind", kind), ("@level", level), ("@detail", detail), ("@at", at));
        await using var commandDisposal = command.ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Stamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
