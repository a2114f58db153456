using System.Text.Json.Serialization;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>What a model is for, as far as its id tells.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ModelCapability>))]
public enum ModelCapability
{
    /// <summary>Chat completions (text and vision).</summary>
    Chat,

    /// <summary>Image generation and editing.</summary>
    Image,

    /// <summary>Embeddings.</summary>
    Embedding,

    /// <summary>Moderation.</summary>
    Moderation,

    /// <summary>Speech, transcription, realtime audio.</summary>
    Audio,

    /// <summary>Anything else (legacy completions, fine-tunes of unknown base).</summary>
    Other,
}
