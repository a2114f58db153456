namespace McpOpenAI.Plugins.Support.Results;

/// <summary>The shipment of an order.</summary>
/// <param name="Carrier">The carrier (UPS, FedEx, USPS, DHL…).</param>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="ShippedDate">When it shipped (YYYY-MM-DD).</param>
/// <param name="DeliveredDate">When it was delivered, if it was.</param>
/// <param name="Status">in_transit, delivered or returned.</param>
public sealed record ShipmentInfo(string Carrier, string TrackingNumber, string ShippedDate, string? DeliveredDate, string Status);
