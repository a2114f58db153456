namespace McpOpenAI.Plugins.Operations.Budget;

/// <summary>One spending cap and how much of it is used.</summary>
/// <param name="Scope"><c>server</c>, or <c>token:&lt;name&gt;</c>.</param>
/// <param name="Period"><c>day</c> or <c>month</c> (UTC).</param>
/// <param name="CapUsd">The cap.</param>
/// <param name="SpentUsd">The estimated spend so far in the period.</param>
/// <param name="ResetsAt">When the period ends (UTC).</param>
/// <param name="Exceeded">True when the spend has reached the cap, so paid calls are refused.</param>
public sealed record BudgetStatus(string Scope, string Period, decimal CapUsd, decimal SpentUsd, DateTimeOffset ResetsAt, bool Exceeded);
