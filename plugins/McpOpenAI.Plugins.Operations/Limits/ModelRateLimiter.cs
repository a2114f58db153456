using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using McpOpenAI.Kernel.Errors;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Operations.Limits;

/// <summary>
/// Token buckets per model — requests a minute and tokens a minute — from <see cref="RateLimitOptions"/>, tightened (never
/// raised) by what OpenAI's <c>x-ratelimit-*</c> headers say; for a model with no configured limit the headers are the limit.
/// A call over the limit waits its turn in a bounded queue; one that would wait longer than <c>MaxWaitSeconds</c>, or
/// finds the queue full, is refused with <c>rate_limited</c> before any request.
/// </summary>
public sealed class ModelRateLimiter(IOptionsMonitor<RateLimitOptions> options, TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, ModelState> _models = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The limit in force for <paramref name="model"/>: the configured one tightened by the headers; null when none.</summary>
    public ModelLimit? EffectiveLimit(string model)
    {
        var configured = options.CurrentValue.Models.GetValueOrDefault(model);
        var observed = _models.TryGetValue(model, out var state) ? state.Observed : null;
        return configured is null ? observed : configured.Tighten(observed);
    }

    /// <summary>
    /// Takes one request and <paramref name="tokens"/> tokens of <paramref name="model"/>'s limits, waiting when it must
    /// (<paramref name="waiting"/> is told how long first).
    /// </summary>
    /// <exception cref="FunctionException"><c>rate_limited</c>: the wait would be too long, or too many calls wait already.</exception>
    public async Task AcquireAsync(string model, int tokens, Action<TimeSpan>? waiting, CancellationToken cancellationToken)
    {
        var limit = EffectiveLimit(model);
        var state = _models.GetOrAdd(model, _ => new ModelState());
        var (requests, tokenBucket, blockedUntil) = state.Buckets(limit, options.CurrentValue.MaxQueue);
        if (requests is null && tokenBucket is null && blockedUntil <= _time.GetUtcNow()) return;

        var permits = tokenBucket is null ? 0 : Math.Clamp(tokens, 0, limit!.TokensPerMinute!.Value);
        var wait = blockedUntil - _time.GetUtcNow();
        var gotRequest = TryTake(requests, 1, ref wait);
        var gotTokens = permits == 0 || TryTake(tokenBucket, permits, ref wait);
        if (wait <= TimeSpan.Zero) return;

        var maxWait = TimeSpan.FromSeconds(options.CurrentValue.MaxWaitSeconds);
        if (wait > maxWait)
            throw new FunctionException(ErrorCodes.RateLimited,
                $"The {model} rate limit ({Describe(limit)}) would make this call wait {Seconds(wait)} s, longer than OpenAI:Limits:MaxWaitSeconds ({Seconds(maxWait)} s). Nothing was sent to OpenAI.",
                [$"Try again in {Seconds(wait)} s.", $"Or raise OpenAI:Limits:{model}:RequestsPerMinute (if your OpenAI tier allows it) or OpenAI:Limits:MaxWaitSeconds."]);
        waiting?.Invoke(wait);
        var blocked = blockedUntil - _time.GetUtcNow();
        if (blocked > TimeSpan.Zero) await Task.Delay(blocked, _time, cancellationToken).ConfigureAwait(false);
        if (!gotRequest) await TakeAsync(requests!, 1, model, cancellationToken).ConfigureAwait(false);
        if (!gotTokens) await TakeAsync(tokenBucket!, permits, model, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Learns from an answer's <c>x-ratelimit-*</c> headers: its limits, and when nothing is left until a reset.</summary>
    public void Observe(string model, RateLimitHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.IsEmpty) return;
        var now = _time.GetUtcNow();
        _models.GetOrAdd(model, _ => new ModelState()).Observe(headers, now);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var state in _models.Values) state.Dispose();
    }

    private static bool TryTake(TokenBucketRateLimiter? bucket, int permits, ref TimeSpan wait)
    {
        if (bucket is null) return true;
        using var lease = bucket.AttemptAcquire(permits);
        if (lease.IsAcquired) return true;
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : bucket.ReplenishmentPeriod;
        if (retry > wait) wait = retry;
        return false;
    }

    private static async Task TakeAsync(TokenBucketRateLimiter bucket, int permits, string model, CancellationToken cancellationToken)
    {
        using var lease = await bucket.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
            throw new FunctionException(ErrorCodes.RateLimited,
                $"Too many calls are already waiting for the {model} rate limit (OpenAI:Limits:MaxQueue). Nothing was sent to OpenAI.",
                ["Try again in a minute."]);
    }

    private static string Describe(ModelLimit? limit) => string.Join(", ", new[]
    {
        limit?.RequestsPerMinute is { } r ? $"{r} requests a minute" : null,
        limit?.TokensPerMinute is { } t ? $"{t} tokens a minute" : null,
    }.OfType<string>().DefaultIfEmpty("OpenAI asked to wait"));

    private static string Seconds(TimeSpan span) => Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>One model's buckets, rebuilt when its limit changes, and what its headers said.</summary>
    private sealed class ModelState : IDisposable
    {
        private readonly Lock _gate = new();
        private ModelLimit? _builtFor;
        private TokenBucketRateLimiter? _requests;
        private TokenBucketRateLimiter? _tokens;
        private DateTimeOffset _blockedUntil;

        public ModelLimit? Observed { get; private set; }

        public (TokenBucketRateLimiter? Requests, TokenBucketRateLimiter? Tokens, DateTimeOffset BlockedUntil) Buckets(ModelLimit? limit, int queue)
        {
            lock (_gate)
            {
                if (limit != _builtFor)
                {
                    // The old buckets are left to finish the calls queued on them.
                    _requests = limit?.RequestsPerMinute is { } rpm ? Bucket(Math.Max(1, (rpm + 59) / 60), rpm, queue) : null;
                    _tokens = limit?.TokensPerMinute is { } tpm ? Bucket(tpm, tpm, queue) : null;
                    _builtFor = limit;
                }
                return (_requests, _tokens, _blockedUntil);
            }
        }

        public void Observe(RateLimitHeaders headers, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (headers.LimitRequests is not null || headers.LimitTokens is not null) Observed = headers.Limit;
                if (headers.RemainingRequests == 0 && headers.ResetRequests is { } r && now + r > _blockedUntil) _blockedUntil = now + r;
                if (headers.RemainingTokens == 0 && headers.ResetTokens is { } t && now + t > _blockedUntil) _blockedUntil = now + t;
            }
        }

        public void Dispose()
        {
            _requests?.Dispose();
            _tokens?.Dispose();
        }

        // Refilled in small steps (at least 100 ms apart) so the rate holds over any minute; requests may burst a
        // second's worth at most, as OpenAI enforces request limits over short intervals, tokens a minute's worth.
        private static TokenBucketRateLimiter Bucket(int burst, int perMinute, int queue)
        {
            var step = Math.Max(1, (perMinute + 599) / 600);
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = step,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) * step / perMinute,
                QueueLimit = (int)Math.Min(int.MaxValue, (long)Math.Max(0, queue) * burst),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }
}
