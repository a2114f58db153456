namespace McpOpenAI.Plugins.Support.Results;

/// <summary>An order with its lines, shipment and tickets, as <c>get_order</c> returns it.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="CustomerId">The customer id.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="CustomerEmail">The customer's email.</param>
/// <param name="OrderDate">The order date (YYYY-MM-DD).</param>
/// <param name="Status">pending, processing, shipped, delivered, cancelled or returned.</param>
/// <param name="Channel">web, phone or sales_rep.</param>
/// <param name="Lines">The order lines.</param>
/// <param name="Subtotal">The lines' total after discounts.</param>
/// <param name="ShippingCost">The shipping charged.</param>
/// <param name="TotalAmount">The order total.</param>
/// <param name="Shipment">The shipment, once shipped.</param>
/// <param name="Tickets">Support tickets about this order.</param>
public sealed record OrderDetails(long OrderId, long CustomerId, string CustomerName, string CustomerEmail, string OrderDate, string Status,
    string Channel, IReadOnlyList<OrderLineInfo> Lines, double Subtotal, double ShippingCost, double TotalAmount, ShipmentInfo? Shipment,
    IReadOnlyList<TicketSummary> Tickets);
