namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>What the fake's generated images show (<see cref="FakeOpenAIServer.ImageContent"/>).</summary>
public enum FakeImageContent
{
    /// <summary>A left-to-right gradient between two colours picked by the prompt: small files that compress well (the default).</summary>
    Gradient,

    /// <summary>
    /// Random pixels seeded by the prompt: about as hard to compress as an image gets, so every format is large
    /// (1024x1024: PNG about 3 MiB, JPEG and WebP at <c>output_compression</c> 100 about 1.4 and 1.1 MiB).
    /// For tests of byte limits, such as ten large images in the 1 MiB a tool result may carry.
    /// </summary>
    Noise,
}
