using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>The moderation verdict on one input.</summary>
/// <param name="Input">Which input: the text (shortened) or the image's source.</param>
/// <param name="Kind">text or image.</param>
/// <param name="Flagged">True when any category was flagged.</param>
/// <param name="Categories">The flagged categories.</param>
/// <param name="Scores">Every category's score, 0 to 1.</param>
public sealed record ModerationItem(
    [property: Description("Which input: the text (shortened) or the image's source.")] string Input,
    [property: Description("text or image.")] string Kind,
    [property: Description("True when any category was flagged.")] bool Flagged,
    [property: Description("The flagged categories, e.g. violence, harassment.")] IReadOnlyList<string> Categories,
    [property: Description("Every category's score from 0 to 1.")] IReadOnlyDictionary<string, double> Scores);
