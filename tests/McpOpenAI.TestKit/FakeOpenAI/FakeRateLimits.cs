using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>
/// The <c>x-ratelimit-*</c> headers the fake sends with every POST answer, as OpenAI does: limits and what remains of
/// requests and tokens, and when each resets (Go-style durations such as <c>1s</c>, <c>6m0s</c>).
/// </summary>
/// <param name="LimitRequests"><c>x-ratelimit-limit-requests</c>.</param>
/// <param name="RemainingRequests"><c>x-ratelimit-remaining-requests</c>.</param>
/// <param name="ResetRequests"><c>x-ratelimit-reset-requests</c>.</param>
/// <param name="LimitTokens"><c>x-ratelimit-limit-tokens</c>.</param>
/// <param name="RemainingTokens"><c>x-ratelimit-remaining-tokens</c>.</param>
/// <param name="ResetTokens"><c>x-ratelimit-reset-tokens</c>.</param>
public sealed record FakeRateLimits(int? LimitRequests = null, int? RemainingRequests = null, string? ResetRequests = null,
    int? LimitTokens = null, int? RemainingTokens = null, string? ResetTokens = null)
{
    internal void Apply(HttpResponse response)
    {
        void Set(string name, object? value)
        {
            if (value is not null) response.Headers[name] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        Set("x-ratelimit-limit-requests", LimitRequests);
        Set("x-ratelimit-remaining-requests", RemainingRequests);
        Set("x-ratelimit-reset-requests", ResetRequests);
        Set("x-ratelimit-limit-tokens", LimitTokens);
        Set("x-ratelimit-remaining-tokens", RemainingTokens);
        Set("x-ratelimit-reset-tokens", ResetTokens);
    }
}
