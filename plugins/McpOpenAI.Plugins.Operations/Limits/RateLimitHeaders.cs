using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.RegularExpressions;

namespace McpOpenAI.Plugins.Operations.Limits;

/// <summary>
/// What OpenAI's <c>x-ratelimit-limit-requests</c>, <c>-limit-tokens</c>, <c>-remaining-requests</c>,
/// <c>-remaining-tokens</c>, <c>-reset-requests</c> and <c>-reset-tokens</c> headers say (resets as <c>1s</c>, <c>6m0s</c>, <c>20ms</c>).
/// </summary>
public sealed partial record RateLimitHeaders(int? LimitRequests, int? LimitTokens, int? RemainingRequests, int? RemainingTokens, TimeSpan? ResetRequests, TimeSpan? ResetTokens)
{
    /// <summary>The limits the headers state.</summary>
    public ModelLimit Limit => new(LimitRequests, LimitTokens);

    /// <summary>True when no header was there.</summary>
    public bool IsEmpty => LimitRequests is null && LimitTokens is null && RemainingRequests is null && RemainingTokens is null;

    /// <summary>Reads the headers of <paramref name="headers"/>.</summary>
    public static RateLimitHeaders From(PipelineResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        int? Int(string name) => headers.TryGetValue(name, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        TimeSpan? Reset(string name) => headers.TryGetValue(name, out var v) && v is not null ? ParseDuration(v) : null;
        return new(Int("x-ratelimit-limit-requests"), Int("x-ratelimit-limit-tokens"), Int("x-ratelimit-remaining-requests"), Int("x-ratelimit-remaining-tokens"),
            Reset("x-ratelimit-reset-requests"), Reset("x-ratelimit-reset-tokens"));
    }

    /// <summary>A Go-style duration (<c>1h2m3.5s</c>, <c>20ms</c>); null when it is not one.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var matches = DurationPart().Matches(text.Trim());
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text.Trim()) return null;
        var total = TimeSpan.Zero;
        foreach (Match m in matches)
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                _ => TimeSpan.Zero,
            };
        }
        return total;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|h|m|s)")]
    private static partial Regex DurationPart();
}
