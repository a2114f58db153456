namespace McpOpenAI.Plugins.Support;

/// <summary>Ticket priorities and escalation levels, as the Customer Support Service Levels document defines them.</summary>
public static class TicketLevels
{
    /// <summary>Ticket priorities, lowest first.</summary>
    public static readonly IReadOnlyList<string> Priorities = ["low", "normal", "high", "urgent"];

    /// <summary>Escalation levels, lowest first; <c>tier1</c> is where every ticket starts.</summary>
    public static readonly IReadOnlyList<string> Levels = ["tier1", "tier2", "supervisor", "safety"];

    /// <summary>The normalized priority, or null when unknown (accepts e.g. "High", "medium" for normal).</summary>
    public static string? Priority(string? value)
    {
        var v = value?.Trim().ToLowerInvariant();
        return v switch
        {
            "medium" => "normal",
            "critical" => "urgent",
            _ => Priorities.FirstOrDefault(p => p == v),
        };
    }

    /// <summary>The normalized level, or null when unknown (accepts "tier 2", "tier_2", "2", "manager").</summary>
    public static string? Level(string? value)
    {
        var v = value?.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return v switch
        {
            "2" or "tier2" or "specialist" => "tier2",
            "3" or "supervisor" or "manager" => "supervisor",
            "safety" or "safetyteam" => "safety",
            _ => null,
        };
    }
}
