using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>
/// Microsoft.Extensions.AI's <see cref="DistributedCachingChatClient"/> limited to deterministic requests — temperature 0
/// or a seed — whose answer is worth giving again; any other request passes straight through, neither read nor stored.
/// The key is the library's hash of the messages (inline images by their bytes) and options, plus the endpoint and the
/// default model (for a request that names none); never the API key.
/// </summary>
public sealed class DeterministicCachingChatClient : DistributedCachingChatClient
{
    private readonly Func<IReadOnlyList<object?>> _scope;

    /// <summary>Creates the layer.</summary>
    /// <param name="innerClient">The client it caches.</param>
    /// <param name="storage">Where answers are kept.</param>
    /// <param name="scope">What else tells requests apart (endpoint, organization, project, default model), read per request.</param>
    public DeterministicCachingChatClient(IChatClient innerClient, IDistributedCache storage, Func<IReadOnlyList<object?>> scope)
        : base(innerClient, storage)
    {
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary>True when <paramref name="options"/> ask for a reproducible answer (temperature 0, or a seed).</summary>
    public static bool IsDeterministic(ChatOptions? options) => options is { Temperature: 0f } || options?.Seed is not null;

    /// <inheritdoc />
    protected override bool EnableCaching(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        IsDeterministic(options) && base.EnableCaching(messages, options);

    /// <inheritdoc />
    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? options, params ReadOnlySpan<object?> additionalValues)
    {
        object?[] values = [.. additionalValues, .. _scope()];
        return base.GetCacheKey(messages, options, values);
    }
}
