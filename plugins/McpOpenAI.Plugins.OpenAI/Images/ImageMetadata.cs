namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>What is written in the JSON file beside every saved image.</summary>
public sealed record ImageMetadata
{
    /// <summary>Our id of the image (the last part of its file name).</summary>
    public string Id { get; init; } = "";

    /// <summary>The image's file name.</summary>
    public string File { get; init; } = "";

    /// <summary>The prompt sent.</summary>
    public string? Prompt { get; init; }

    /// <summary>The prompt as the model rewrote it, when it did.</summary>
    public string? RevisedPrompt { get; init; }

    /// <summary>The image model.</summary>
    public string? Model { get; init; }

    /// <summary>The size, e.g. <c>1024x1024</c>.</summary>
    public string? Size { get; init; }

    /// <summary>The quality.</summary>
    public string? Quality { get; init; }

    /// <summary>The file format.</summary>
    public string? Format { get; init; }

    /// <summary>The background.</summary>
    public string? Background { get; init; }

    /// <summary>The Responses API response id, for threads.</summary>
    public string? ResponseId { get; init; }

    /// <summary>OpenAI's id of the image (the image generation call id).</summary>
    public string? ImageId { get; init; }

    /// <summary>The image thread this image belongs to.</summary>
    public string? Thread { get; init; }

    /// <summary>The step in the thread.</summary>
    public int? Step { get; init; }

    /// <summary>Which API made it: images_api, responses_api, variations_endpoint.</summary>
    public string? Api { get; init; }

    /// <summary><c>final</c> or <c>partial</c>.</summary>
    public string Kind { get; init; } = "final";

    /// <summary>The index of a partial image.</summary>
    public int? PartialIndex { get; init; }

    /// <summary>Token usage as OpenAI reported it.</summary>
    public ImageUsage? Usage { get; init; }

    /// <summary>An estimate of what the image cost, in US dollars.</summary>
    public decimal? CostEstimateUsd { get; init; }

    /// <summary>The hash of the generation request that made it (<c>generate_image reuse</c> finds it by this).</summary>
    public string? RequestKey { get; init; }

    /// <summary>When it was saved.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
