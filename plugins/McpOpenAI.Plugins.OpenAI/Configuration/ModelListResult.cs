using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>What <c>list_models</c> returns.</summary>
/// <param name="Endpoint">The endpoint asked.</param>
/// <param name="FetchedAt">When the list was fetched.</param>
/// <param name="Cached">True when it came from the few-minute cache.</param>
/// <param name="Count">How many models are listed.</param>
/// <param name="Groups">The models by capability: chat, image, embedding, moderation, audio, other.</param>
/// <param name="Defaults">The configured default model for each use.</param>
/// <param name="MissingDefaults">Defaults the endpoint does not serve (calls relying on them will fail).</param>
public sealed record ModelListResult(
    [property: Description("The endpoint asked.")] string Endpoint,
    [property: Description("When the list was fetched (UTC).")] DateTimeOffset FetchedAt,
    [property: Description("True when the list came from the few-minute cache; pass refresh=true for a fresh one.")] bool Cached,
    [property: Description("How many models are listed.")] int Count,
    [property: Description("The models by capability: chat, image, embedding, moderation, audio, other.")] IReadOnlyDictionary<string, IReadOnlyList<ModelEntry>> Groups,
    [property: Description("The configured default model for each use.")] IReadOnlyDictionary<string, string> Defaults,
    [property: Description("Configured defaults that this endpoint does not serve.")] IReadOnlyList<string> MissingDefaults);
