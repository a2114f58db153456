using System.Text.Json.Serialization;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.Operations.Pipeline;

/// <summary>Which OpenAI endpoint a request is for.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<OpenAIRequestKind>))]
public enum OpenAIRequestKind
{
    /// <summary>Anything else.</summary>
    Other,

    /// <summary><c>POST /chat/completions</c>.</summary>
    Chat,

    /// <summary><c>POST /responses</c>.</summary>
    Responses,

    /// <summary><c>POST /images/generations</c>.</summary>
    ImageGeneration,

    /// <summary><c>POST /images/edits</c>.</summary>
    ImageEdit,

    /// <summary><c>POST /images/variations</c>.</summary>
    ImageVariation,

    /// <summary><c>POST /embeddings</c>.</summary>
    Embeddings,

    /// <summary><c>POST /moderations</c> (free).</summary>
    Moderations,

    /// <summary><c>GET /models</c> and <c>GET /models/{id}</c> (free).</summary>
    Models,
}
