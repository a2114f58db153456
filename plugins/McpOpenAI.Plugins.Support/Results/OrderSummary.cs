namespace McpOpenAI.Plugins.Support.Results;

/// <summary>An order in a customer's history.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="OrderDate">The order date (YYYY-MM-DD).</param>
/// <param name="Status">pending, processing, shipped, delivered, cancelled or returned.</param>
/// <param name="TotalAmount">The order total in US dollars, shipping included.</param>
/// <param name="Items">The number of units ordered.</param>
public sealed record OrderSummary(long OrderId, string OrderDate, string Status, double TotalAmount, long Items);
