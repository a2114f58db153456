using Microsoft.Extensions.Caching.Distributed;

namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>
/// One kind of answer's window onto <see cref="OperationsCache"/>, handed to Microsoft.Extensions.AI's caching layers as
/// their <see cref="IDistributedCache"/>. The cache's own TTL applies whatever entry options a layer passes.
/// </summary>
internal sealed class CacheView(OperationsCache cache, string kind) : IDistributedCache
{
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => cache.GetAsync(kind, key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => cache.SetAsync(kind, key, value, token);

    public void Refresh(string key)
    {
        // Entries expire a fixed time after they were stored; reading one does not extend it.
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default) => cache.RemoveAsync(kind, key, token);
}
