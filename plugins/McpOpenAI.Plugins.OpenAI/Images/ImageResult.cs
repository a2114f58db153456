namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>The structured result of an image function.</summary>
public sealed record ImageResult
{
    /// <summary>The final images, every one saved.</summary>
    public IReadOnlyList<ImageResultItem> Images { get; init; } = [];

    /// <summary>The partial images streamed before them, in order.</summary>
    public IReadOnlyList<ImageResultItem> Partials { get; init; } = [];

    /// <summary>The model.</summary>
    public string Model { get; init; } = "";

    /// <summary>Which path made the images: images_api, responses_api, variations_endpoint, edit_variation.</summary>
    public string Api { get; init; } = "";

    /// <summary>The image thread, when the Responses API made the images.</summary>
    public string? Thread { get; init; }

    /// <summary>Token usage.</summary>
    public ImageUsage? Usage { get; init; }

    /// <summary>An estimate of the cost in US dollars.</summary>
    public decimal? CostEstimateUsd { get; init; }

    /// <summary>The output folder.</summary>
    public string OutputFolder { get; init; } = "";

    /// <summary>True when an identical earlier generation's saved files were returned (<c>reuse</c>), at no cost.</summary>
    public bool? Reused { get; init; }

    /// <summary>A note about the previews (downscaled, or left out).</summary>
    public string? PreviewNote { get; init; }
}
