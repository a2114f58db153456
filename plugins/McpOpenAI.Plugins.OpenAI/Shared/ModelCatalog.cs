using System.Runtime.CompilerServices;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>
/// The endpoint's live model list (<c>GET /v1/models</c>), cached for a few minutes per endpoint and key, so listing
/// models and explaining a "model not found" error do not cost a request each time.
/// </summary>
public sealed class ModelCatalog
{
    /// <summary>How long a fetched list is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private static readonly ConditionalWeakTable<OpenAIClientFactory, ModelCatalog> Catalogs = new();
    private readonly OpenAIClientFactory _factory;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Settings, DateTimeOffset FetchedAt, IReadOnlyList<ServedModel> Models)? _cached;

    private ModelCatalog(OpenAIClientFactory factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>The catalog of <paramref name="factory"/>.</summary>
    public static ModelCatalog For(OpenAIClientFactory factory, TimeProvider? time = null) =>
        Catalogs.GetValue(factory, f => new ModelCatalog(f, time ?? TimeProvider.System));

    /// <summary>The models, from the cache when it is fresh and <paramref name="refresh"/> is false.</summary>
    /// <returns>The models, when they were fetched, and whether they came from the cache.</returns>
    /// <exception cref="FunctionException">The list could not be fetched (mapped), or no key is configured.</exception>
    public async Task<(IReadOnlyList<ServedModel> Models, DateTimeOffset FetchedAt, bool Cached)> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        var settings = SettingsKey();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!refresh && _cached is { } c && c.Settings == settings && _time.GetUtcNow() - c.FetchedAt < CacheFor)
                return (c.Models, c.FetchedAt, true);
            var call = new OpenAICall(_factory, _time);
            var models = await call.RunAsync("list_models", null, async token =>
            {
                var result = await _factory.GetModelClient().GetModelsAsync(token).ConfigureAwait(false);
                return (IReadOnlyList<ServedModel>)[.. result.Value.Select(m => new ServedModel(m.Id, m.OwnedBy, m.CreatedAt == default ? null : m.CreatedAt)).OrderBy(m => m.Id, StringComparer.Ordinal)];
            }, cancellationToken).ConfigureAwait(false);
            var fetchedAt = _time.GetUtcNow();
            _cached = (settings, fetchedAt, models);
            return (models, fetchedAt, false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The models, or null when they cannot be had (used only to explain another error).</summary>
    public async Task<IReadOnlyList<ServedModel>?> TryGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await GetAsync(refresh: false, cancellationToken).ConfigureAwait(false)).Models;
        }
        catch (FunctionException)
        {
            return null;
        }
    }

    // A different endpoint or key may serve different models; the key itself is not kept, only a hash.
    private string SettingsKey()
    {
        var options = _factory.Options;
        var keyHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(options.ApiKey ?? "")));
        return $"{options.BaseUrl}|{options.OrganizationId}|{options.ProjectId}|{keyHash}";
    }
}
