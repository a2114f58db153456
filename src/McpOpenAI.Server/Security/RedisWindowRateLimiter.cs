using System.Threading.RateLimiting;
using McpOpenAI.Kernel.State;
using StackExchange.Redis;

namespace McpOpenAI.Server.Security;

/// <summary>
/// A fixed-window limiter whose counter lives in Redis, so every instance of a team counts the same calls: each permit
/// increments the window's key, which expires when the window ends (one atomic script: INCR, then PEXPIRE when the key
/// is new). The synchronous attempt never blocks on the network: it answers "not now" and the ASP.NET Core rate
/// limiting middleware then awaits <see cref="AcquireAsyncCore"/>, which asks Redis. A Redis that cannot be reached
/// refuses the permit with <see cref="Unavailable"/> in the lease, never hangs.
/// </summary>
internal sealed class RedisWindowRateLimiter(SharedState state, string key, int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    /// <summary>Lease metadata set when Redis could not be asked.</summary>
    public static readonly MetadataName<string> Unavailable = MetadataName.Create<string>("MCPOPENAI_STATE_UNAVAILABLE");

    private const string Script = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """;

    private long _lastUsed = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Lease.Granted : Lease.NotNow;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        if (permitCount == 0)
            return Lease.Granted;
        try
        {
            var redis = await state.RedisAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            var result = (RedisResult[])(await redis.GetDatabase()
                .ScriptEvaluateAsync(Script, [(RedisKey)key], [(long)window.TotalMilliseconds, permitCount]).WaitAsync(cancellationToken).ConfigureAwait(false))!;
            var count = (long)result[0];
            return count <= permitLimit ? Lease.Granted : Lease.Refused(TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception ex) when (StateErrors.IsRedisUnavailable(ex))
        {
            return Lease.Failed(StateErrors.Redis(ex).Message);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter = null, string? unavailable = null) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease NotNow = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            (retryAfter is null ? [] : new[] { MetadataName.RetryAfter.Name }).Concat(unavailable is null ? [] : [Unavailable.Name]);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public static Lease Failed(string message) => new(false, unavailable: message);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : metadataName == Unavailable.Name ? unavailable : null;
            return metadata is not null;
        }
    }
}
