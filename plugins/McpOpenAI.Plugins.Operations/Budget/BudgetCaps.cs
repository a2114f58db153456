namespace McpOpenAI.Plugins.Operations.Budget;

/// <summary>Spending caps in US dollars; a cap left out does not apply.</summary>
public class BudgetCaps
{
    /// <summary>The most to spend in a UTC day.</summary>
    public decimal? DailyUsd { get; set; }

    /// <summary>The most to spend in a UTC calendar month.</summary>
    public decimal? MonthlyUsd { get; set; }
}
