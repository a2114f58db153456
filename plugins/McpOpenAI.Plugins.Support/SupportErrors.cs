using System.Data.Common;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Support.Data;
using Microsoft.Data.Sqlite;

namespace McpOpenAI.Plugins.Support;

/// <summary>The support plugin's not-found errors, each saying what exists and how to find the right one.</summary>
internal static class SupportErrors
{
    public static async Task<FunctionException> OrderNotFoundAsync(SqliteConnection company, long orderId, CancellationToken cancellationToken)
    {
        var (min, max) = await CompanyQueries.IdRangeAsync(company, "orders", "order_id", cancellationToken).ConfigureAwait(false);
        return new FunctionException(ErrorCodes.NotFound, $"No order with id {orderId}. Order ids run from {min} to {max}.",
            ["Check the order number, or find the customer's orders with get_customer (recent_orders)."]);
    }

    public static async Task<FunctionException> CustomerNotFoundAsync(SqliteConnection company, long customerId, CancellationToken cancellationToken)
    {
        var (min, max) = await CompanyQueries.IdRangeAsync(company, "customers", "customer_id", cancellationToken).ConfigureAwait(false);
        return new FunctionException(ErrorCodes.NotFound, $"No customer with id {customerId}. Customer ids run from {min} to {max}.",
            ["Find the customer with get_customer by email, or from an order with get_order."]);
    }

    public static async Task<FunctionException> TicketNotFoundAsync(DbConnection support, long ticketId, CancellationToken cancellationToken)
    {
        var (min, max) = await CompanyQueries.IdRangeAsync(support, "tickets", "ticket_id", cancellationToken).ConfigureAwait(false);
        var known = max == 0 ? "There are no tickets yet." : $"Ticket ids run from {min} to {max}.";
        return new FunctionException(ErrorCodes.NotFound, $"No ticket with id {ticketId}. {known}",
            ["Find a customer's tickets with get_customer, or an order's with get_order.", "Open a new ticket with create_ticket."]);
    }
}
