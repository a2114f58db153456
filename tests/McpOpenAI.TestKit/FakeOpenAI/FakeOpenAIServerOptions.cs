namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>How a <see cref="FakeOpenAIServer"/> starts.</summary>
public sealed class FakeOpenAIServerOptions
{
    /// <summary>The models served by default.</summary>
    public static IReadOnlyList<string> DefaultModels { get; } =
    [
        "gpt-4.1-mini", "gpt-4.1", "gpt-4o", "gpt-4o-mini", "gpt-5", "gpt-5-mini",
        "gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "dall-e-3", "dall-e-2",
        "text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002",
        "omni-moderation-latest", "text-moderation-latest", "whisper-1", "tts-1",
    ];

    /// <summary>The models the fake serves; requests for others get 404 <c>model_not_found</c>.</summary>
    public IList<string> Models { get; set; } = [.. DefaultModels];

    /// <summary>The API key to accept; null generates a fresh test key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A word that makes moderation flag an input and the images API refuse a prompt.</summary>
    public string FlagWord { get; set; } = "forbidden";

    /// <summary>What generated images show: <see cref="FakeImageContent.Noise"/> makes large, hard-to-compress files.</summary>
    public FakeImageContent ImageContent { get; set; }
}
