namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Settings of the image functions, bound from <c>OpenAI:Images</c>.</summary>
public sealed class ImageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "OpenAI:Images";

    /// <summary>The most bytes of image content a result carries (all previews together); larger images are downscaled.</summary>
    public int PreviewByteLimit { get; set; } = 512 * 1024;

    /// <summary>How many batch items run at once.</summary>
    public int BatchConcurrency { get; set; } = 3;

    /// <summary>The mainline model that drives the Responses API's image tool; null uses <c>OpenAI:ChatModel</c>.</summary>
    public string? ResponsesModel { get; set; }
}
