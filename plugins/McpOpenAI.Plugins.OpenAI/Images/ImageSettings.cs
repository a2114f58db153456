namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>The image options of one request, after defaults and normalisation (lower case, trimmed).</summary>
internal sealed record ImageSettings
{
    public required string Model { get; init; }
    public string? Size { get; init; }
    public string? Quality { get; init; }
    public string? Style { get; init; }
    public int N { get; init; } = 1;
    public string? Background { get; init; }
    public string? OutputFormat { get; init; }
    public int? OutputCompression { get; init; }
    public string? Moderation { get; init; }
    public int PartialImages { get; init; }
    public string? InputFidelity { get; init; }

    /// <summary>The file format the images will come back in.</summary>
    public string EffectiveFormat => OutputFormat ?? "png";

    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
