using McpOpenAI.Plugins.Operations.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace Microsoft.Extensions.AI;

/// <summary>Adds <see cref="DeterministicCachingChatClient"/> to a chat pipeline.</summary>
public static class DeterministicCachingChatClientBuilderExtensions
{
    /// <summary>Caches the answers of deterministic requests (temperature 0 or a seed) in <paramref name="storage"/>.</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="storage">Where answers are kept.</param>
    /// <param name="scope">What else tells requests apart, read per request (endpoint, default model); never secrets.</param>
    public static ChatClientBuilder UseDeterministicCache(this ChatClientBuilder builder, IDistributedCache storage, Func<IReadOnlyList<object?>> scope)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new DeterministicCachingChatClient(inner, storage, scope));
    }
}
