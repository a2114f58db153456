using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Calls;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Server.Security;

/// <summary>
/// Each token's own limit on tool calls a minute (a token bucket refilled every second). Only calls a client
/// makes count; an agent's inner calls run under the one call that started it.
/// </summary>
internal sealed class RateLimitFilter(ILogger<RateLimitFilter> logger) : IFunctionInvocationFilter, IDisposable
{
    private static readonly object Counted = new();
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _limiters = new(StringComparer.Ordinal);

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        // Only the call a client made counts: nested calls (an agent's tools, a template's functions) run inside it.
        if (CallContext.Current is not { Source: InvocationSource.Mcp } call || CallerContext.Current is not { RequestsPerMinute: > 0 } token
            || call.Items.ContainsKey(Counted))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        call.Items[Counted] = true;

        var limiter = _limiters.GetOrAdd(token.Name, _ => Create(token.RequestsPerMinute));
        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(60.0 / token.RequestsPerMinute);
            logger.LogWarning("Token {Token} is over its limit of {Limit} calls a minute", token.Name, token.RequestsPerMinute);
            throw new FunctionException(ErrorCodes.RateLimited,
                $"Rate limit: this token may make {token.RequestsPerMinute} calls a minute. Try again in {Math.Ceiling(wait.TotalSeconds)} s.",
                [$"Wait {Math.Ceiling(wait.TotalSeconds)} seconds, or ask for a higher RequestsPerMinute."]);
        }
        await next(context).ConfigureAwait(false);
    }

    private static TokenBucketRateLimiter Create(int perMinute) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
            limiter.Dispose();
    }
}
