using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Kernel.State;

/// <summary>
/// A cache on Redis that never fails a call because Redis is away: a read is a miss and a write is skipped (with a
/// warning at most every 30 s), so answers are recomputed and streams are not resumable until Redis is back. Limits,
/// which must hold, do not go through here.
/// </summary>
internal sealed class FailSoftCache(IDistributedCache inner, string name, ILogger? logger) : IDistributedCache
{
    private static readonly TimeSpan WarnEvery = TimeSpan.FromSeconds(30);
    private long _lastWarning = long.MinValue;

    public byte[]? Get(string key) => Try(() => inner.Get(key), null);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => TryAsync(() => inner.GetAsync(key, token), null);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Try(() => { inner.Set(key, value, options); return true; }, false);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        TryAsync(async () => { await inner.SetAsync(key, value, options, token).ConfigureAwait(false); return true; }, false);

    public void Refresh(string key) => Try(() => { inner.Refresh(key); return true; }, false);

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        TryAsync(async () => { await inner.RefreshAsync(key, token).ConfigureAwait(false); return true; }, false);

    public void Remove(string key) => Try(() => { inner.Remove(key); return true; }, false);

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        TryAsync(async () => { await inner.RemoveAsync(key, token).ConfigureAwait(false); return true; }, false);

    private T Try<T>(Func<T> work, T fallback)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (StateErrors.IsRedisUnavailable(ex))
        {
            Warn(ex);
            return fallback;
        }
    }

    private async Task<T> TryAsync<T>(Func<Task<T>> work, T fallback)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (StateErrors.IsRedisUnavailable(ex))
        {
            Warn(ex);
            return fallback;
        }
    }

    private void Warn(Exception exception)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if (last != long.MinValue && now - last < WarnEvery.TotalMilliseconds || Interlocked.CompareExchange(ref _lastWarning, now, last) != last)
            return;
        logger?.LogWarning("The {Cache} cache is unavailable, so it is skipped: {Reason}", name, StateErrors.Redis(exception).Message);
    }
}
