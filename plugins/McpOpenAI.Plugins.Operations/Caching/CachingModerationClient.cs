using System.ClientModel;
using System.ClientModel.Primitives;
using System.Security.Cryptography;
using System.Text;
using OpenAI.Moderations;

namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>
/// A moderation client that answers a request it has seen (same model, endpoint and body) from the cache. Verdicts are
/// free but cost a round trip, and the moderation pre-check asks again for every turn of a conversation.
/// </summary>
internal sealed class CachingModerationClient : ModerationClient
{
    private readonly ModerationClient _inner;
    private readonly OperationsCache _cache;
    private readonly string _scope;

    public CachingModerationClient(ModerationClient inner, OperationsCache cache, string scope)
    {
        _inner = inner;
        _cache = cache;
        _scope = scope;
    }

    public override async Task<ClientResult> ClassifyTextAsync(BinaryContent content, RequestOptions? options = null)
    {
        var token = options?.CancellationToken ?? CancellationToken.None;
        var key = Key(content);
        if (await _cache.GetAsync(CacheKind.Moderation, key, token).ConfigureAwait(false) is { } hit)
            return ClientResult.FromResponse(new CachedResponse(BinaryData.FromBytes(hit), "application/json"));
        var result = await _inner.ClassifyTextAsync(content, options).ConfigureAwait(false);
        await StoreAsync(key, result, token).ConfigureAwait(false);
        return result;
    }

    public override ClientResult ClassifyText(BinaryContent content, RequestOptions? options = null) =>
        ClassifyTextAsync(content, options).GetAwaiter().GetResult();

    private async Task StoreAsync(string key, ClientResult result, CancellationToken token)
    {
        var response = result.GetRawResponse();
        if (response.Status == 200)
            await _cache.SetAsync(CacheKind.Moderation, key, response.Content.ToArray(), token).ConfigureAwait(false);
    }

    private string Key(BinaryContent content)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.GetBytes(_scope + "\n"));
        content.WriteTo(buffer);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
