namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>One model's prices in US dollars (<c>Pricing:Models:&lt;model&gt;</c>): tokens per million, images each.</summary>
public sealed class ModelPrice
{
    /// <summary>Input (text) tokens, per million.</summary>
    public decimal? Input { get; set; }

    /// <summary>Cached input tokens, per million (default: the input price).</summary>
    public decimal? CachedInput { get; set; }

    /// <summary>Input image tokens, per million (image models; default: the input price).</summary>
    public decimal? ImageInput { get; set; }

    /// <summary>Output tokens, per million (for image models, image tokens).</summary>
    public decimal? Output { get; set; }

    /// <summary>Price per image by quality (<c>low</c>, <c>medium</c>, <c>high</c>, <c>standard</c>, <c>hd</c>) and size.</summary>
    public Dictionary<string, Dictionary<string, decimal>> Images { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Free to use (moderation models).</summary>
    public bool Free { get; set; }

    /// <summary>A model of an OpenAI-compatible endpoint, not one of OpenAI's own, so its name is not checked.</summary>
    public bool Custom { get; set; }
}
