using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI.Moderations;

namespace McpOpenAI.Kernel.OpenAI;

/// <summary>
/// The cross-cutting layers that every OpenAI client an <see cref="OpenAIClientFactory"/> makes passes through: SDK
/// pipeline policies for every request (chat, images, embeddings, moderations, responses, models), and layers of the
/// Microsoft.Extensions.AI chat pipeline and embedding generators, and wrappers of the moderation client (which has no
/// Microsoft.Extensions.AI abstraction, and whose answers a pipeline policy cannot give). Fill it before the first client is made.
/// </summary>
public sealed class OpenAIClientLayers
{
    /// <summary>Policies added to every SDK client, per call (before retries), outermost first.</summary>
    public IList<PipelinePolicy> Policies { get; } = new List<PipelinePolicy>();

    /// <summary>Layers added to the chat pipeline after its own (so nearer the connector), outermost first.</summary>
    public IList<Action<ChatClientBuilder>> Chat { get; } = new List<Action<ChatClientBuilder>>();

    /// <summary>Layers added to every embedding generator, with the generator's model id, outermost first.</summary>
    public IList<Action<EmbeddingGeneratorBuilder<string, Embedding<float>>, string>> Embeddings { get; } =
        new List<Action<EmbeddingGeneratorBuilder<string, Embedding<float>>, string>>();

    /// <summary>Wrappers of every moderation client, with the client's model id, outermost last.</summary>
    public IList<Func<ModerationClient, string, ModerationClient>> Moderations { get; } = new List<Func<ModerationClient, string, ModerationClient>>();
}
