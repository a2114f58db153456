namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>What one image model accepts (from the OpenAI Images API reference).</summary>
internal sealed record ImageModelRules
{
    public required string Model { get; init; }
    public required IReadOnlyList<string> Sizes { get; init; }
    public bool CustomSizes { get; init; }
    public int MaxN { get; init; } = 10;
    public int MaxPromptLength { get; init; } = 32000;
    public required IReadOnlyList<string> Qualities { get; init; }
    public IReadOnlyList<string> Styles { get; init; } = [];
    public bool IsGptImage { get; init; }
    public int MaxEditImages { get; init; }
    public bool CanVary { get; init; }

    private static readonly string[] GptSizes = ["auto", "1024x1024", "1536x1024", "1024x1536"];
    private static readonly string[] GptQualities = ["auto", "low", "medium", "high"];

    /// <summary>The models this server knows, by name.</summary>
    public static IReadOnlyDictionary<string, ImageModelRules> Known { get; } = new Dictionary<string, ImageModelRules>(StringComparer.Ordinal)
    {
        ["gpt-image-1"] = Gpt("gpt-image-1"),
        ["gpt-image-1-mini"] = Gpt("gpt-image-1-mini"),
        ["gpt-image-1.5"] = Gpt("gpt-image-1.5"),
        ["gpt-image-2"] = Gpt("gpt-image-2") with { CustomSizes = true },
        ["dall-e-3"] = new()
        {
            Model = "dall-e-3", Sizes = ["1024x1024", "1792x1024", "1024x1792"], MaxN = 1, MaxPromptLength = 4000,
            Qualities = ["standard", "hd"], Styles = ["vivid", "natural"],
        },
        ["dall-e-2"] = new()
        {
            Model = "dall-e-2", Sizes = ["256x256", "512x512", "1024x1024"], MaxN = 10, MaxPromptLength = 1000,
            Qualities = ["standard"], MaxEditImages = 1, CanVary = true,
        },
    };

    private static ImageModelRules Gpt(string model) => new()
    {
        Model = model, Sizes = GptSizes, Qualities = GptQualities, IsGptImage = true, MaxEditImages = 16,
    };

    /// <summary>The rules for <paramref name="model"/>; unknown <c>gpt-image*</c> names get the gpt-image rules.</summary>
    public static ImageModelRules? For(string model) =>
        Known.TryGetValue(model, out var rules) ? rules
        : model.StartsWith("gpt-image", StringComparison.Ordinal) ? Gpt(model)
        : null;
}
