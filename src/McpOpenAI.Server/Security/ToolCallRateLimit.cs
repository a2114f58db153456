using System.Threading.RateLimiting;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.State;
using McpOpenAI.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Security;

/// <summary>
/// The rate limiting middleware's policy for the MCP endpoint: each caller's own token bucket of tool calls a minute
/// (<see cref="AccessToken.RequestsPerMinute"/>), partitioned by caller. Only <c>tools/call</c> requests count (marked by
/// <see cref="ToolCallPeek"/>), so an agent's inner calls run under the one call that started them. A refused call is
/// answered with a <c>rate_limited</c> tool error naming the wait, not an HTTP 429 a client would not show the model.
/// With <c>State:Redis</c> the count is kept there (<see cref="RedisWindowRateLimiter"/>, a one-minute window), so a
/// token's limit holds across every instance of the team; a Redis that cannot be reached refuses the call with
/// <c>state_unavailable</c>.
/// </summary>
internal sealed class ToolCallRateLimit(ILogger<ToolCallRateLimit> logger, SharedState state, TimeProvider time) : IRateLimiterPolicy<string>
{
    /// <summary>The policy's name on the endpoint.</summary>
    public const string Name = "mcp-openai-tool-calls";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (httpContext.Features.Get<ToolCallRequest>() is null || httpContext.Features.Get<AccessToken>() is not { RequestsPerMinute: > 0 } caller)
            return RateLimitPartition.GetNoLimiter("");
        var partition = $"{httpContext.User.Identity?.AuthenticationType}:{caller.Name}";
        return state.HasRedis
            ? RateLimitPartition.Get(partition, key => new RedisWindowRateLimiter(state, $"{SharedCache.KeyPrefix}calls:{key}", caller.RequestsPerMinute, TimeSpan.FromMinutes(1), time))
            : RateLimitPartition.GetTokenBucketLimiter(partition, _ => Bucket(caller.RequestsPerMinute));
    }

    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute > 60 ? (int)Math.Round(perMinute / 60.0) : 1,
        ReplenishmentPeriod = perMinute > 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
    };

    private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var caller = context.Features.GetRequiredFeature<AccessToken>();
        var call = context.Features.GetRequiredFeature<ToolCallRequest>().Id;
        if (rejected.Lease.TryGetMetadata(RedisWindowRateLimiter.Unavailable, out var unavailable))
        {
            logger.LogWarning("Could not check the limit of token {Token}: {Reason}", caller.Name, unavailable);
            await JsonRpcErrors.WriteToolErrorAsync(context, call, new FunctionException(ErrorCodes.StateUnavailable, unavailable!,
                [$"Check that the Redis server in {SharedState.RedisSetting} is running, then try again."])).ConfigureAwait(false);
            return;
        }
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(60.0 / caller.RequestsPerMinute);
        var seconds = Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        logger.LogWarning("Token {Token} is over its limit of {Limit} calls a minute", caller.Name, caller.RequestsPerMinute);
        await JsonRpcErrors.WriteToolErrorAsync(context, call, new FunctionException(ErrorCodes.RateLimited,
            $"Rate limit: this token may make {caller.RequestsPerMinute} calls a minute. Try again in {seconds} s.",
            [$"Wait {seconds} seconds, or ask for a higher RequestsPerMinute."])).ConfigureAwait(false);
    }
}
