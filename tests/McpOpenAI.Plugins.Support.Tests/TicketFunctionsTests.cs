using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Plugins.Support.Tests;

public sealed class TicketFunctionsTests(SampleCompanyFixture sample) : IClassFixture<SampleCompanyFixture>, IDisposable
{
    private readonly SupportTestContext _context = new(sample);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _context.Dispose();

    private (long Customer, long Order) AnOrder() =>
        ((long)_context.Company("SELECT customer_id FROM orders WHERE order_id = 7")!, 7);

    [Fact]
    public async Task CreateTicket_ThenGetTicket_ReadBackWithHistory()
    {
        var (customer, order) = AnOrder();

        var created = await _context.Tickets.CreateTicketAsync(customer, " Tent pole broke ", "Pole snapped on first pitch.", "High", order, Ct);
        var read = await _context.Tickets.GetTicketAsync(created.TicketId, Ct);

        Assert.Equal(created, read with { Events = created.Events });
        Assert.Equal("Tent pole broke", read.Subject);
        Assert.Equal("high", read.Priority);
        Assert.Equal("open", read.Status);
        Assert.Equal("tier1", read.EscalationLevel);
        Assert.Equal(order, read.OrderId);
        Assert.Equal(_context.Company($"SELECT name FROM customers WHERE customer_id = {customer}"), read.CustomerName);
        Assert.Equal("created", Assert.Single(read.Events).Kind);
        Assert.Equal(1L, _context.Support($"SELECT COUNT(*) FROM tickets WHERE ticket_id = {created.TicketId} AND customer_id = {customer}"));
        Assert.Contains((await _context.Customers.GetCustomerAsync(customer, cancellationToken: Ct)).Tickets, t => t.TicketId == created.TicketId);
        Assert.Contains((await _context.Customers.GetOrderAsync(order, Ct)).Tickets, t => t.TicketId == created.TicketId);
    }

    [Fact]
    public async Task CreateTicket_BadArguments_ClearErrors()
    {
        var (customer, order) = AnOrder();
        var other = (long)_context.Company($"SELECT order_id FROM orders WHERE customer_id <> {customer} LIMIT 1")!;

        var unknownCustomer = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.CreateTicketAsync(99_999, "s", "d", "low", cancellationToken: Ct));
        var unknownOrder = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.CreateTicketAsync(customer, "s", "d", "low", 99_999, Ct));
        var foreignOrder = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.CreateTicketAsync(customer, "s", "d", "low", other, Ct));
        var priority = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.CreateTicketAsync(customer, "s", "d", "asap", order, Ct));
        var subject = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.CreateTicketAsync(customer, " ", "d", "low", order, Ct));

        Assert.Equal(ErrorCodes.NotFound, unknownCustomer.Code);
        Assert.Contains("Customer ids run from", unknownCustomer.Message);
        Assert.Equal(ErrorCodes.NotFound, unknownOrder.Code);
        Assert.Equal(ErrorCodes.InvalidArgument, foreignOrder.Code);
        Assert.Contains($"belongs to customer", foreignOrder.Message);
        Assert.Equal(ErrorCodes.InvalidArgument, priority.Code);
        Assert.Contains("low, normal, high, urgent", priority.Suggestions[0]);
        Assert.Equal(ErrorCodes.InvalidArgument, subject.Code);
        Assert.Equal(0L, _context.Support("SELECT COUNT(*) FROM tickets"));
    }

    [Fact]
    public async Task Escalate_NoLevel_GoesUpOneLevelAtATimeThenRefuses()
    {
        var (customer, _) = AnOrder();
        var ticket = await _context.Tickets.CreateTicketAsync(customer, "Refund", "Refund of $700 requested.", "normal", cancellationToken: Ct);

        var tier2 = await _context.Tickets.EscalateAsync(ticket.TicketId, "Refund over $500", cancellationToken: Ct);
        var supervisor = await _context.Tickets.EscalateAsync(ticket.TicketId, "Customer asked for a manager", cancellationToken: Ct);
        var beyond = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.EscalateAsync(ticket.TicketId, "again", cancellationToken: Ct));
        var lower = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.EscalateAsync(ticket.TicketId, "down", "tier2", Ct));

        Assert.Equal(("escalated", "tier2"), (tier2.Status, tier2.EscalationLevel));
        Assert.Equal("supervisor", supervisor.EscalationLevel);
        Assert.Equal(["created", "escalated", "escalated"], supervisor.Events.Select(e => e.Kind).ToArray());
        Assert.Equal("Customer asked for a manager", supervisor.Events[^1].Detail);
        Assert.Equal(ErrorCodes.InvalidArgument, beyond.Code);
        Assert.Equal(ErrorCodes.InvalidArgument, lower.Code);
        Assert.Equal(2L, _context.Support($"SELECT COUNT(*) FROM ticket_events WHERE ticket_id = {ticket.TicketId} AND kind = 'escalated'"));
    }

    [Fact]
    public async Task Escalate_Safety_SetsUrgentPriority()
    {
        var (customer, order) = AnOrder();
        var ticket = await _context.Tickets.CreateTicketAsync(customer, "Stove leak", "Smelled gas.", "normal", order, Ct);

        var escalated = await _context.Tickets.EscalateAsync(ticket.TicketId, "Stove leaked fuel", "Safety Team", Ct);

        Assert.Equal(("safety", "urgent"), (escalated.EscalationLevel, escalated.Priority));
    }

    [Fact]
    public async Task GetTicketAndEscalate_Unknown_NotFound()
    {
        var get = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.GetTicketAsync(42, Ct));
        var escalate = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.EscalateAsync(42, "why", cancellationToken: Ct));
        var level = await Assert.ThrowsAsync<FunctionException>(() => _context.Tickets.EscalateAsync(42, "why", "ceo", Ct));

        Assert.Equal(ErrorCodes.NotFound, get.Code);
        Assert.Contains("no tickets yet", get.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ErrorCodes.NotFound, escalate.Code);
        Assert.Equal(ErrorCodes.InvalidArgument, level.Code);
    }

    [Fact]
    public void FromObjects_SupportParts_FunctionsWithTruthfulTraits()
    {
        var plugin = PluginFactory.Compose("Support", null, PluginFactory.Functions(_context.Knowledge), PluginFactory.Functions(_context.Customers),
            PluginFactory.Functions(_context.Tickets));

        Assert.Equal(["create_ticket", "escalate", "get_customer", "get_order", "get_ticket", "search_kb"], plugin.Select(f => f.Name).Order().ToArray());
        foreach (var name in new[] { "search_kb", "get_customer", "get_order", "get_ticket" })
            Assert.True(plugin.Single(f => f.Name == name).GetTraits().ReadOnly);
        foreach (var name in new[] { "create_ticket", "escalate" })
        {
            var traits = plugin.Single(f => f.Name == name).GetTraits();
            Assert.False(traits.ReadOnly);
            Assert.False(traits.Idempotent);
        }
        var create = ToolSchema.Of(plugin.Single(f => f.Name == "create_ticket")).InputSchema;
        Assert.Equal(["customer_id", "subject", "description", "priority"], create.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}
