using System.Globalization;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Operations.Usage;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Operations.Budget;

/// <summary>Compares the spend so far with the caps of <see cref="BudgetOptions"/>, for the server and for a caller.</summary>
public sealed class BudgetGuard(IOptionsMonitor<BudgetOptions> options, UsageLedger ledger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Every cap that applies to <paramref name="caller"/> (all of them when null), with its spend.</summary>
    public async Task<IReadOnlyList<BudgetStatus>> StatusAsync(string? caller, CancellationToken cancellationToken)
    {
        var budget = options.CurrentValue;
        var now = _time.GetUtcNow();
        var day = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var scopes = new List<(string Scope, string? Caller, BudgetCaps Caps)> { ("server", null, budget) };
        scopes.AddRange(budget.Tokens.Where(t => caller is null || t.Key == caller).Select(t => ($"token:{t.Key}", (string?)t.Key, t.Value)));
        var list = new List<BudgetStatus>();
        foreach (var (scope, who, caps) in scopes)
        {
            if (caps.DailyUsd is { } daily)
                list.Add(Status(scope, "day", daily, await ledger.SpentAsync(day, who, cancellationToken).ConfigureAwait(false), day.AddDays(1)));
            if (caps.MonthlyUsd is { } monthly)
                list.Add(Status(scope, "month", monthly, await ledger.SpentAsync(month, who, cancellationToken).ConfigureAwait(false), month.AddMonths(1)));
        }
        return list;
    }

    /// <summary>Throws <c>budget_exceeded</c> when a cap that applies to <paramref name="caller"/> is used up.</summary>
    public async Task EnsureWithinAsync(string? caller, CancellationToken cancellationToken)
    {
        var budget = options.CurrentValue;
        if (budget.DailyUsd is null && budget.MonthlyUsd is null && budget.Tokens.Count == 0) return;
        var statuses = await StatusAsync(caller, cancellationToken).ConfigureAwait(false);
        if (statuses.FirstOrDefault(s => s.Exceeded && (s.Scope == "server" || s.Scope == $"token:{caller}")) is not { } over) return;
        var whose = over.Scope == "server" ? "The server's" : $"Token '{caller}''s";
        var period = over.Period == "day" ? "daily" : "monthly";
        var left = over.ResetsAt - _time.GetUtcNow();
        throw new FunctionException(ErrorCodes.BudgetExceeded,
            $"{whose} {period} budget of {Usd(over.CapUsd)} is used up: {Usd(over.SpentUsd)} spent this {over.Period} (UTC). " +
            $"It resets at {over.ResetsAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (in {Span(left)}). Nothing was sent to OpenAI.",
            ["Free calls (moderate, list_models) and cached answers still work.",
             $"Raise Budget:{(over.Scope == "server" ? "" : $"Tokens:{caller}:")}{(over.Period == "day" ? "DailyUsd" : "MonthlyUsd")} to spend more, or wait until it resets.",
             "See the spend with get_usage."]);
    }

    private static BudgetStatus Status(string scope, string period, decimal cap, decimal spent, DateTimeOffset resets) =>
        new(scope, period, cap, Math.Round(spent, 6), resets, spent >= cap);

    private static string Usd(decimal value) => "$" + value.ToString(value < 1 ? "0.00####" : "0.00", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : $"{Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} min";
}
