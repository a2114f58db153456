namespace McpOpenAI.Plugins.Support.Results;

/// <summary>Something that happened to a ticket.</summary>
/// <param name="Kind">created or escalated.</param>
/// <param name="Level">The escalation level reached (escalations only).</param>
/// <param name="Detail">The description (created) or the reason (escalated).</param>
/// <param name="CreatedAt">When (UTC, ISO 8601).</param>
public sealed record TicketEvent(string Kind, string? Level, string Detail, string CreatedAt);
