using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>One text's embedding.</summary>
/// <param name="Index">The text's position in <c>texts</c>.</param>
/// <param name="Text">The text, shortened.</param>
/// <param name="Vector">The embedding (unit length); omitted when <c>include_vectors</c> is false.</param>
public sealed record EmbeddingVector(
    [property: Description("The text's position in 'texts'.")] int Index,
    [property: Description("The text, shortened.")] string Text,
    [property: Description("The embedding vector (unit length).")] IReadOnlyList<float>? Vector);
