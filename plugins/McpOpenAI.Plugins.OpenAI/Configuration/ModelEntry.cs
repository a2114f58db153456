using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>One model of <c>list_models</c>.</summary>
/// <param name="Id">The model id.</param>
/// <param name="OwnedBy">Its owner.</param>
/// <param name="Created">When it was created.</param>
/// <param name="Default">What it is the configured default for (chat, vision, image, embedding, moderation), if anything.</param>
public sealed record ModelEntry(
    [property: Description("The model id to pass as 'model'.")] string Id,
    [property: Description("Who owns it (openai, system, your organization).")] string? OwnedBy,
    [property: Description("When it was created (UTC).")] DateTimeOffset? Created,
    [property: Description("What it is the configured default for (chat, vision, image, embedding, moderation).")] IReadOnlyList<string>? Default);
