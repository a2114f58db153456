namespace McpOpenAI.Plugins.Operations.Budget;

/// <summary>
/// The budget guard (<c>Budget</c> section): caps on the estimated spend of the whole server (<c>Budget:DailyUsd</c>,
/// <c>Budget:MonthlyUsd</c>) and of each HTTP token (<c>Budget:Tokens:&lt;name&gt;:DailyUsd</c>…).
/// </summary>
public sealed class BudgetOptions : BudgetCaps
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Budget";

    /// <summary>Caps per token, by the token's name (<c>Http:Tokens:N:Name</c>).</summary>
    public Dictionary<string, BudgetCaps> Tokens { get; set; } = new(StringComparer.Ordinal);
}
