using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.Operations.Caching;

/// <summary>
/// Carries the token usage of the embeddings generated below the caching layer up past it: the caching layer returns
/// a new collection without the usage OpenAI reported. Put one on each side of the cache (<see cref="Outer"/> above it,
/// <see cref="Inner"/> below); an answer served wholly from the cache keeps no usage, as no tokens were spent.
/// </summary>
internal sealed class UsageCarryingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly AsyncLocal<StrongBox?> Carried = new();
    private readonly bool _outer;

    private UsageCarryingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, bool outer)
        : base(inner) => _outer = outer;

    public static IEmbeddingGenerator<string, Embedding<float>> Outer(IEmbeddingGenerator<string, Embedding<float>> inner) => new UsageCarryingEmbeddingGenerator(inner, true);

    public static IEmbeddingGenerator<string, Embedding<float>> Inner(IEmbeddingGenerator<string, Embedding<float>> inner) => new UsageCarryingEmbeddingGenerator(inner, false);

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!_outer)
        {
            var generated = await base.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
            if (Carried.Value is { } box) box.Usage = generated.Usage;
            return generated;
        }
        var previous = Carried.Value;
        var carried = Carried.Value = new StrongBox();
        try
        {
            var result = await base.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
            result.Usage ??= carried.Usage;
            return result;
        }
        finally
        {
            Carried.Value = previous;
        }
    }

    private sealed class StrongBox
    {
        public UsageDetails? Usage { get; set; }
    }
}
