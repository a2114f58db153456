using System.Globalization;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.Operations.Budget;

namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>Builds <see cref="UsageReport"/>s from the ledger's store, for the <c>get_usage</c> tool and the <c>usage://</c> resources.</summary>
public sealed class UsageReporter(UsageLedger ledger, BudgetGuard budget, TimeProvider? time = null)
{
    /// <summary>The groupings <c>group_by</c> accepts.</summary>
    public static readonly string[] Groupings = ["tool", "model", "day", "caller"];

    private const string Note = "Costs are estimates from the price table (Pricing:Models, defaults in prices.json with their source and date), not OpenAI's bill. Cached answers cost nothing and are not listed.";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The report since <paramref name="since"/> (default: the start of this UTC month), grouped by one grouping or all.</summary>
    public async Task<UsageReport> ReportAsync(DateTimeOffset? since, string? groupBy, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var from = since ?? new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        await ledger.FlushAsync().ConfigureAwait(false);
        var records = await ledger.Store.ReadAsync(from, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, UsageTotals>? By(string grouping, Func<UsageRecord, string> key) =>
            groupBy is null || groupBy == grouping
                ? records.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => UsageTotals.Of(g), StringComparer.Ordinal)
                : null;
        return new UsageReport(from, now, UsageTotals.Of(records),
            By("tool", r => r.Tool),
            By("model", r => r.Model),
            By("day", r => r.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            By("caller", r => r.Caller ?? "(local)"),
            await budget.StatusAsync(null, cancellationToken).ConfigureAwait(false), Note);
    }

    /// <summary>Reads a <c>since</c> argument: an ISO 8601 date or time, <c>today</c>, <c>month</c>, or a span back such as <c>7d</c> or <c>12h</c>.</summary>
    public DateTimeOffset? ParseSince(string? since)
    {
        if (string.IsNullOrWhiteSpace(since)) return null;
        var text = since.Trim();
        var now = _time.GetUtcNow();
        if (text.Equals("today", StringComparison.OrdinalIgnoreCase)) return new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        if (text.Equals("month", StringComparison.OrdinalIgnoreCase)) return new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            switch (char.ToLowerInvariant(text[^1]))
            {
                case 'd': return now - TimeSpan.FromDays(amount);
                case 'h': return now - TimeSpan.FromHours(amount);
            }
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) return at;
        throw FunctionException.InvalidArgument("since", $"'{since}' is not a date, a time or a span back.", "an ISO 8601 date or time (2026-12-01, 2026-12-01T08:00:00Z), today, month, or 7d / 12h", "7d");
    }
}
