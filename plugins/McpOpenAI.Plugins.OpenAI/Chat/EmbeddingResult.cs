using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>What <c>embed</c> returns.</summary>
/// <param name="Model">The embedding model.</param>
/// <param name="Dimensions">The length of each vector.</param>
/// <param name="InputTokens">Tokens read.</param>
/// <param name="Embeddings">One embedding per text, in order.</param>
/// <param name="Similarity">Cosine similarity of every pair of texts (row i, column j), when two or more were given.</param>
public sealed record EmbeddingResult(
    [property: Description("The embedding model.")] string Model,
    [property: Description("The length of each vector.")] int Dimensions,
    [property: Description("Tokens read.")] long? InputTokens,
    [property: Description("One embedding per text, in order.")] IReadOnlyList<EmbeddingVector> Embeddings,
    [property: Description("Cosine similarity of texts i and j at [i][j] (1 = same meaning), when two or more texts were given.")] IReadOnlyList<IReadOnlyList<double>>? Similarity);
