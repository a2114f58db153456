namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>One request that reached OpenAI, as the usage store keeps it.</summary>
/// <param name="At">When it ended (UTC).</param>
/// <param name="Tool">The tool it was made for (<c>chat</c>), or <c>(direct)</c> outside a tool call.</param>
/// <param name="Caller">Who made it: the HTTP token's name, the session, or null.</param>
/// <param name="Model">The model.</param>
/// <param name="Endpoint">chat, responses, images, embeddings, moderations, models; image_generation for the images a Responses request made with its image tool.</param>
/// <param name="InputTokens">Input tokens (cached and image tokens included).</param>
/// <param name="CachedInputTokens">Input tokens OpenAI served from its prompt cache.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="Images">Images returned.</param>
/// <param name="ImageSize">Their size.</param>
/// <param name="ImageQuality">Their quality.</param>
/// <param name="DurationMs">How long it took, in milliseconds.</param>
/// <param name="Outcome"><c>ok</c>, <c>http_429</c> (an HTTP error), <c>failed</c> (no answer) or <c>incomplete</c> (a cut stream).</param>
/// <param name="CostUsd">The estimated cost from the price table; null when the model has no price.</param>
public sealed record UsageRecord(
    DateTimeOffset At,
    string Tool,
    string? Caller,
    string Model,
    string Endpoint,
    long InputTokens,
    long CachedInputTokens,
    long OutputTokens,
    int Images,
    string? ImageSize,
    string? ImageQuality,
    double DurationMs,
    string Outcome,
    decimal? CostUsd)
{
    /// <summary>The endpoint of the record that prices a Responses request's images under its image model.</summary>
    public const string ImageToolEndpoint = "image_generation";
}
