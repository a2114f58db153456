using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Support.Data;
using McpOpenAI.Plugins.Support.Results;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Support;

/// <summary>Support tickets: open one, read one, escalate one. Tickets are the only data this plugin writes.</summary>
public sealed class TicketFunctions(SupportDatabase database)
{
    private const int MaxSubject = 200;
    private const int MaxDescription = 8000;
    private const int MaxReason = 2000;

    /// <summary>Opens a support ticket for a customer.</summary>
    [KernelFunction("create_ticket")]
    [Description("Opens a support ticket for a customer (optionally about one of their orders) and returns it with its id. Priorities: low (product questions), normal (returns, refunds, warranty), high (order not received, damaged item, charged twice), urgent (safety issue or injury).")]
    [FunctionTraits(Title = "Create ticket", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    public async Task<TicketDetails> CreateTicketAsync(
        [Description("The customer id (see get_customer).")] long customerId,
        [Description("A one-line subject, e.g. 'Headlamp stopped charging after two weeks'.")] string subject,
        [Description("What the customer reported and what was done so far.")] string description,
        [Description("low, normal, high or urgent.")] string priority,
        [Description("The order the ticket is about, if any; it must belong to the customer.")] long? orderId = null,
        CancellationToken cancellationToken = default)
    {
        var level = TicketLevels.Priority(priority)
            ?? throw FunctionException.InvalidArgument("priority", $"'{priority}' is not a priority.", string.Join(", ", TicketLevels.Priorities), "normal");
        var cleanSubject = Required("subject", subject, MaxSubject, "Refund for returned tent");
        var cleanDescription = Required("description", description, MaxDescription, "Customer returned order 1042 three weeks ago and has no refund yet.");
        await database.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var company = database.OpenCompany();
        await using (company.ConfigureAwait(false))
        {
            if (await CompanyQueries.CustomerNameAsync(company, customerId, cancellationToken).ConfigureAwait(false) is null)
                throw await SupportErrors.CustomerNotFoundAsync(company, customerId, cancellationToken).ConfigureAwait(false);
            if (orderId is { } order)
            {
                var owner = await CompanyQueries.OrderCustomerAsync(company, order, cancellationToken).ConfigureAwait(false)
                    ?? throw await SupportErrors.OrderNotFoundAsync(company, order, cancellationToken).ConfigureAwait(false);
                if (owner != customerId)
                    throw FunctionException.InvalidArgument("order_id", $"order {order} belongs to customer {owner}, not to customer {customerId}.",
                        "an order of this customer (see get_customer's recent_orders), or no order");
            }
        }
        var id = await database.WriteTicketsAsync(writer =>
            TicketStore.CreateAsync(writer, customerId, orderId, cleanSubject, cleanDescription, level, database.Time.GetUtcNow(), cancellationToken), cancellationToken).ConfigureAwait(false);
        return await LoadAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a ticket with its history.</summary>
    [KernelFunction("get_ticket")]
    [Description("Gets a support ticket: customer, order, subject, description, priority, status, escalation level and its history (created, escalations).")]
    [FunctionTraits(Title = "Get ticket", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public Task<TicketDetails> GetTicketAsync(
        [Description("The ticket id, as create_ticket returned it.")] long ticketId,
        CancellationToken cancellationToken = default) => LoadReadyAsync(ticketId, cancellationToken);

    /// <summary>Escalates a ticket to a higher support level.</summary>
    [KernelFunction("escalate")]
    [Description("Escalates a ticket to a higher support level and records why: tier2 (specialists: warranty decisions, carrier claims, refunds over $500, policy exceptions), supervisor (customer asks for a manager, third contact, refunds over $1,000, legal threats, chargebacks, media), safety (injury, fire, burns, carbon monoxide, failed emergency device — also sets priority urgent). Without a level, goes one level up.")]
    [FunctionTraits(Title = "Escalate ticket", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    public async Task<TicketDetails> EscalateAsync(
        [Description("The ticket id.")] long ticketId,
        [Description("Why it is escalated, e.g. 'Customer reports the stove leaked fuel and caught fire'.")] string reason,
        [Description("Optional: tier2, supervisor or safety. Default: one level above the current one.")] string? level = null,
        CancellationToken cancellationToken = default)
    {
        var cleanReason = Required("reason", reason, MaxReason, "Refund over $500 needs a specialist");
        string? wanted = null;
        if (!string.IsNullOrWhiteSpace(level))
            wanted = TicketLevels.Level(level) ?? throw FunctionException.InvalidArgument("level", $"'{level}' is not an escalation level.", "tier2, supervisor, safety", "tier2");
        var ticket = await LoadReadyAsync(ticketId, cancellationToken).ConfigureAwait(false);
        if (ticket.Status == "closed")
            throw FunctionException.InvalidArgument("ticket_id", $"ticket {ticketId} is closed and cannot be escalated.", example: "a ticket that is open; or open a new one with create_ticket");
        var current = TicketLevels.Levels.ToList().IndexOf(ticket.EscalationLevel);
        var target = wanted ?? (current + 1 < TicketLevels.Levels.Count - 1 ? TicketLevels.Levels[current + 1] : null)
            ?? throw FunctionException.InvalidArgument("level", $"ticket {ticketId} is already at '{ticket.EscalationLevel}', the highest regular level.", "safety (for safety incidents)");
        if (TicketLevels.Levels.ToList().IndexOf(target) <= current)
            throw FunctionException.InvalidArgument("level", $"ticket {ticketId} is already at '{ticket.EscalationLevel}'; escalation must go higher.",
                string.Join(", ", TicketLevels.Levels.Skip(current + 1)));
        await database.WriteTicketsAsync(async writer =>
        {
            await TicketStore.EscalateAsync(writer, ticketId, target, target == "safety" ? "urgent" : null, cleanReason, database.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return await LoadAsync(ticketId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TicketDetails> LoadReadyAsync(long ticketId, CancellationToken cancellationToken)
    {
        if (ticketId < 1)
            throw FunctionException.InvalidArgument("ticket_id", $"{ticketId} is not a valid ticket id; ids are positive numbers.", example: "1");
        await database.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await LoadAsync(ticketId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TicketDetails> LoadAsync(long ticketId, CancellationToken cancellationToken)
    {
        var ticket = await database.ReadTicketsAsync(async support => await TicketStore.FindAsync(support, ticketId, cancellationToken).ConfigureAwait(false)
            ?? throw await SupportErrors.TicketNotFoundAsync(support, ticketId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var company = database.OpenCompany();
        await using var companyDisposal = company.ConfigureAwait(false);
        var name = await CompanyQueries.CustomerNameAsync(company, ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        return ticket with { CustomerName = name ?? "(unknown customer)" };
    }

    private static string Required(string argument, string? value, int max, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw FunctionException.InvalidArgument(argument, "it is required and cannot be empty.", example: example);
        var trimmed = value.Trim();
        if (trimmed.Length > max)
            throw FunctionException.InvalidArgument(argument, $"it is {trimmed.Length} characters long; at most {max} are allowed.");
        return trimmed;
    }
}
