namespace McpOpenAI.Plugins.Support.Results;

/// <summary>A ticket in a list.</summary>
/// <param name="TicketId">The ticket id.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Priority">low, normal, high or urgent.</param>
/// <param name="Status">open, escalated or closed.</param>
/// <param name="OrderId">The order it concerns, if any.</param>
/// <param name="CreatedAt">When it was opened (UTC, ISO 8601).</param>
public sealed record TicketSummary(long TicketId, string Subject, string Priority, string Status, long? OrderId, string CreatedAt);
