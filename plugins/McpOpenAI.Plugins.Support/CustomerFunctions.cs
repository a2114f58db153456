using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Support.Data;
using McpOpenAI.Plugins.Support.Results;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Support;

/// <summary>Customers and orders of the sample company, read-only.</summary>
public sealed class CustomerFunctions(SupportDatabase database)
{
    /// <summary>Looks a customer up by id or email.</summary>
    [KernelFunction("get_customer")]
    [Description("Looks up a customer by id or by email address: contact details, segment, region, account manager, order count, lifetime spend, the ten most recent orders and their support tickets.")]
    [FunctionTraits(Title = "Get customer", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public async Task<CustomerDetails> GetCustomerAsync(
        [Description("The customer id, e.g. 42. Give this or email.")] long? customerId = null,
        [Description("The customer's email address, e.g. 'olivia.smith.42@example.com'. Give this or customer_id.")] string? email = null,
        CancellationToken cancellationToken = default)
    {
        if (customerId is null && string.IsNullOrWhiteSpace(email))
            throw FunctionException.InvalidArgument("customer_id", "give a customer id or an email address.", example: "42");
        if (customerId is < 1)
            throw FunctionException.InvalidArgument("customer_id", $"{customerId} is not a valid id; ids are positive numbers.", example: "42");
        await database.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var company = database.OpenCompany();
        await using var companyDisposal = company.ConfigureAwait(false);
        var customer = await CompanyQueries.FindCustomerAsync(company, customerId, customerId is null ? email : null, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            var (min, max) = await CompanyQueries.IdRangeAsync(company, "customers", "customer_id", cancellationToken).ConfigureAwait(false);
            throw customerId is not null
                ? new FunctionException(ErrorCodes.NotFound, $"No customer with id {customerId}. Customer ids run from {min} to {max}.",
                    ["Check the id, or look the customer up by email (get_customer with email)."])
                : new FunctionException(ErrorCodes.NotFound, $"No customer with the email address '{email!.Trim()}'.",
                    ["Check the spelling, or ask the customer for the email on their account or an order number (get_order shows the customer).",
                     $"Or look the customer up by id (ids run from {min} to {max})."]);
        }
        return customer with { Tickets = await database.ReadTicketsAsync(c => TicketStore.ForCustomerAsync(c, customer.CustomerId, cancellationToken), cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Gets an order with its lines, shipment and tickets.</summary>
    [KernelFunction("get_order")]
    [Description("Gets an order: its status (pending, processing, shipped, delivered, cancelled, returned), date, channel, customer, lines (product, category, quantity, price, discount), totals, shipment (carrier, tracking number, shipped and delivered dates) and related support tickets.")]
    [FunctionTraits(Title = "Get order", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public async Task<OrderDetails> GetOrderAsync(
        [Description("The order id (order number), e.g. 1042.")] long orderId,
        CancellationToken cancellationToken = default)
    {
        if (orderId < 1)
            throw FunctionException.InvalidArgument("order_id", $"{orderId} is not a valid order id; ids are positive numbers.", example: "1042");
        await database.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var company = database.OpenCompany();
        await using var companyDisposal = company.ConfigureAwait(false);
        var order = await CompanyQueries.FindOrderAsync(company, orderId, cancellationToken).ConfigureAwait(false)
            ?? throw await SupportErrors.OrderNotFoundAsync(company, orderId, cancellationToken).ConfigureAwait(false);
        return order with { Tickets = await database.ReadTicketsAsync(c => TicketStore.ForOrderAsync(c, orderId, cancellationToken), cancellationToken).ConfigureAwait(false) };
    }
}
