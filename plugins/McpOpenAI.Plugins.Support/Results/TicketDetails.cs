namespace McpOpenAI.Plugins.Support.Results;

/// <summary>A support ticket with its history.</summary>
/// <param name="TicketId">The ticket id.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="OrderId">The order it concerns, if any.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Description">The description.</param>
/// <param name="Priority">low, normal, high or urgent.</param>
/// <param name="Status">open, escalated or closed.</param>
/// <param name="EscalationLevel">tier1 (not escalated), tier2, supervisor or safety.</param>
/// <param name="CreatedAt">When it was opened (UTC, ISO 8601).</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Events">What happened, oldest first.</param>
public sealed record TicketDetails(long TicketId, long CustomerId, string CustomerName, long? OrderId, string Subject, string Description,
    string Priority, string Status, string EscalationLevel, string CreatedAt, string UpdatedAt, IReadOnlyList<TicketEvent> Events);
