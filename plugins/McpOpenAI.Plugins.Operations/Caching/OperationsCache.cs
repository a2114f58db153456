using System.Collections.Concurrent;
using McpOpenAI.Plugins.Operations.Telemetry;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>
/// The response cache over the application's <see cref="IDistributedCache"/>: each kind of answer gets a view
/// (<see cref="For"/>) that namespaces its keys, applies <c>Cache:Ttl</c>, honours <c>Cache:Enabled</c> and counts hits,
/// misses, entries and bytes. <see cref="ClearAsync"/> removes what this server stored and starts a new key generation,
/// so nothing stored before is read again.
/// </summary>
public sealed class OperationsCache
{
    private readonly IDistributedCache _storage;
    private readonly IOptionsMonitor<CacheOptions> _options;
    private readonly OperationsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private int _generation;

    /// <summary>Creates the cache over <paramref name="storage"/>.</summary>
    public OperationsCache(IDistributedCache storage, IOptionsMonitor<CacheOptions> options, OperationsMetrics metrics, TimeProvider? time = null)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True when answers are being cached now.</summary>
    public bool Enabled => _options.CurrentValue.Enabled;

    /// <summary>The store behind the cache.</summary>
    public IDistributedCache Storage => _storage;

    /// <summary>The view for one kind of answer (<see cref="CacheKind"/>).</summary>
    public IDistributedCache For(string kind) => new CacheView(this, kind);

    /// <summary>The figures now.</summary>
    public CacheStatistics Statistics()
    {
        Prune();
        var byKind = CacheKind.All.ToDictionary(k => k, k =>
        {
            var entries = _entries.Values.Where(e => e.Kind == k).ToList();
            var counter = _counters.GetOrAdd(k, _ => new Counter());
            return new CacheKindStatistics(entries.Count, entries.Sum(e => e.Bytes), counter.Hits, counter.Misses);
        });
        var hits = byKind.Values.Sum(s => s.Hits);
        var misses = byKind.Values.Sum(s => s.Misses);
        return new CacheStatistics(Enabled, _storage is MemoryDistributedCache ? "memory" : "redis", byKind.Values.Sum(s => s.Entries), byKind.Values.Sum(s => s.Bytes),
            hits, misses, hits + misses == 0 ? null : Math.Round((double)hits / (hits + misses), 4), _options.CurrentValue.Ttl.ToString(), byKind);
    }

    /// <summary>Removes every answer this server stored; nothing stored before is read again.</summary>
    public async Task<ClearCacheResult> ClearAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _generation);
        var removed = 0L;
        var bytes = 0L;
        foreach (var key in _entries.Keys.ToList())
        {
            if (!_entries.TryRemove(key, out var entry)) continue;
            await _storage.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
            if (entry.Expires > _time.GetUtcNow())
            {
                removed++;
                bytes += entry.Bytes;
            }
        }
        return new ClearCacheResult(removed, bytes, removed == 0 ? "The cache was already empty." : $"Removed {removed} cached answers ({bytes} bytes).");
    }

    internal string StorageKey(string kind, string key) => $"{kind}:g{Volatile.Read(ref _generation)}:{key}";

    internal async Task<byte[]?> GetAsync(string kind, string key, CancellationToken cancellationToken)
    {
        if (!Enabled) return null;
        var storageKey = StorageKey(kind, key);
        var value = await _storage.GetAsync(storageKey, cancellationToken).ConfigureAwait(false);
        var counter = _counters.GetOrAdd(kind, _ => new Counter());
        if (value is null)
        {
            _entries.TryRemove(storageKey, out _);
            Interlocked.Increment(ref counter.MissCount);
            _metrics.CacheMiss(kind);
        }
        else
        {
            Interlocked.Increment(ref counter.HitCount);
            _metrics.CacheHit(kind);
        }
        return value;
    }

    internal async Task SetAsync(string kind, string key, byte[] value, CancellationToken cancellationToken)
    {
        if (!Enabled) return;
        var ttl = _options.CurrentValue.Ttl;
        var storageKey = StorageKey(kind, key);
        await _storage.SetAsync(storageKey, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl }, cancellationToken).ConfigureAwait(false);
        _entries[storageKey] = new Entry(kind, value.LongLength, _time.GetUtcNow() + ttl);
    }

    internal Task RemoveAsync(string kind, string key, CancellationToken cancellationToken)
    {
        var storageKey = StorageKey(kind, key);
        _entries.TryRemove(storageKey, out _);
        return _storage.RemoveAsync(storageKey, cancellationToken);
    }

    /// <summary>The storage keys of the live entries (what tests check for secrets).</summary>
    internal IReadOnlyCollection<string> Keys => [.. _entries.Keys];

    private void Prune()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now) _entries.TryRemove(key, out _);
        }
    }

    private sealed record Entry(string Kind, long Bytes, DateTimeOffset Expires);

    private sealed class Counter
    {
        public long HitCount;
        public long MissCount;

        public long Hits => Interlocked.Read(ref HitCount);

        public long Misses => Interlocked.Read(ref MissCount);
    }
}
