using McpOpenAI.Plugins.Operations.Budget;

namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>What <c>get_usage</c> returns: totals and estimated cost since a time, grouped.</summary>
/// <param name="Since">The start of the period (UTC).</param>
/// <param name="Until">When the report was made (UTC).</param>
/// <param name="Totals">Everything in the period.</param>
/// <param name="ByTool">By tool (chat, generate_image…); null when grouped otherwise.</param>
/// <param name="ByModel">By model.</param>
/// <param name="ByDay">By UTC day (yyyy-MM-dd).</param>
/// <param name="ByCaller">By caller (HTTP token name or session; <c>(local)</c> for stdio).</param>
/// <param name="Budget">The spending caps that apply, with what is spent of each.</param>
/// <param name="Note">How the cost is estimated.</param>
public sealed record UsageReport(
    DateTimeOffset Since,
    DateTimeOffset Until,
    UsageTotals Totals,
    IReadOnlyDictionary<string, UsageTotals>? ByTool,
    IReadOnlyDictionary<string, UsageTotals>? ByModel,
    IReadOnlyDictionary<string, UsageTotals>? ByDay,
    IReadOnlyDictionary<string, UsageTotals>? ByCaller,
    IReadOnlyList<BudgetStatus> Budget,
    string Note);
