using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>What <c>moderate</c> returns.</summary>
/// <param name="Model">The moderation model.</param>
/// <param name="Flagged">True when any input was flagged.</param>
/// <param name="Results">One verdict per input: texts first, then images, in the order given.</param>
public sealed record ModerationResult(
    [property: Description("The moderation model.")] string Model,
    [property: Description("True when any input was flagged.")] bool Flagged,
    [property: Description("One verdict per input: texts first, then images, in the order given.")] IReadOnlyList<ModerationItem> Results);
