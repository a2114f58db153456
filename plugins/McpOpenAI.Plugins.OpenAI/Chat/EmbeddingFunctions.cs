using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>The OpenAI plugin's <c>embed</c> function.</summary>
public sealed class EmbeddingFunctions(OpenAIClientFactory factory, TimeProvider? time = null)
{
    private const int MaxTexts = 2048;
    private const int MaxDimensions = 3072;
    private readonly OpenAICall _call = new(factory, time);

    /// <summary>Turns texts into embedding vectors and compares them.</summary>
    [KernelFunction("embed")]
    [Description("Turn one or more texts into embedding vectors with an OpenAI embedding model. With two or more texts, " +
        "also returns their cosine similarity matrix (1 = same meaning, about 0 = unrelated) — handy for comparing meanings.")]
    [FunctionTraits(Title = "Embed texts", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    public async Task<EmbeddingResult> Embed(
        [Description("The texts to embed (1 to 2048).")] string[] texts,
        [Description("The embedding model; default from configuration (text-embedding-3-small).")] string? model = null,
        [Description("Shorter vectors, 1 to 3072 (text-embedding-3 models only); default: the model's full size.")] int? dimensions = null,
        [Description("Include the vectors in the result (default true); false returns only the similarity matrix.")] bool includeVectors = true,
        CancellationToken cancellationToken = default)
    {
        var modelId = Arguments.Model(model, factory.Options.EmbeddingModel);
        if (texts is null || texts.Length == 0)
            throw FunctionException.InvalidArgument("texts", "give at least one text.", $"1 to {MaxTexts} non-empty texts", "[\"cat\", \"kitten\"]");
        if (texts.Length > MaxTexts)
            throw FunctionException.InvalidArgument("texts", $"{texts.Length} texts were given; OpenAI takes at most {MaxTexts} at once.", $"1 to {MaxTexts} texts");
        for (var i = 0; i < texts.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
                throw FunctionException.InvalidArgument($"texts[{i}]", "the text is empty; OpenAI cannot embed empty input.", "non-empty texts", "\"kitten\"");
        }
        Arguments.Range(dimensions, 1, MaxDimensions, "dimensions", "256");
        if (dimensions is not null && modelId.Contains("ada-002", StringComparison.OrdinalIgnoreCase))
            throw FunctionException.InvalidArgument("dimensions", $"'{modelId}' has a fixed size; only text-embedding-3 models can shorten vectors.", "leave dimensions out, or use text-embedding-3-small / -large", "text-embedding-3-small");

        // Microsoft.Extensions.AI's generator, so the factory's layers (the embedding cache) apply; it keeps the input order.
        var options = new EmbeddingGenerationOptions { Dimensions = dimensions };
        var generated = await _call.RunAsync("embed", modelId,
            token => factory.GetEmbeddingGenerator(modelId).GenerateAsync(texts, options, token),
            cancellationToken).ConfigureAwait(false);

        var vectors = generated.Select(e => (IReadOnlyList<float>)e.Vector.ToArray()).ToList();
        var embeddings = vectors.Select((v, i) => new EmbeddingVector(i, Arguments.Shorten(texts[i], 80), includeVectors ? v : null)).ToList();
        var similarity = vectors.Count >= 2 ? CosineSimilarity.Matrix(vectors) : null;
        return new EmbeddingResult(generated.FirstOrDefault(e => e.ModelId is not null)?.ModelId ?? modelId, vectors.FirstOrDefault()?.Count ?? 0, generated.Usage?.InputTokenCount, embeddings, similarity);
    }
}
