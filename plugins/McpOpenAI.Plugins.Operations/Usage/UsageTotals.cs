namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>Usage added up.</summary>
/// <param name="Requests">Requests that reached OpenAI (a Responses request's images count under its image model, not as requests).</param>
/// <param name="InputTokens">Input tokens (cached ones included).</param>
/// <param name="CachedInputTokens">Input tokens OpenAI served from its prompt cache.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="Images">Images made.</param>
/// <param name="CostUsd">The estimated cost in US dollars (priced requests only).</param>
/// <param name="Unpriced">Requests for models the price table does not list, left out of the cost.</param>
/// <param name="Failed">Requests that ended in an error.</param>
public sealed record UsageTotals(long Requests, long InputTokens, long CachedInputTokens, long OutputTokens, long Images, decimal CostUsd, long Unpriced, long Failed)
{
    /// <summary>The totals of <paramref name="records"/>.</summary>
    public static UsageTotals Of(IEnumerable<UsageRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records as IReadOnlyCollection<UsageRecord> ?? [.. records];
        return new(list.Count(r => r.Endpoint != UsageRecord.ImageToolEndpoint), list.Sum(r => r.InputTokens), list.Sum(r => r.CachedInputTokens), list.Sum(r => r.OutputTokens),
            list.Sum(r => r.Images), Math.Round(list.Sum(r => r.CostUsd ?? 0), 6), list.Count(r => r.CostUsd is null), list.Count(r => r.Outcome != "ok"));
    }
}
