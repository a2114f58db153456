namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>A rough cost estimate in US dollars from OpenAI's published prices (tokens for gpt-image, per image for DALL·E).</summary>
internal static class ImageCost
{
    public static decimal? Estimate(string model, string? size, string? quality, int images, ImageUsage? usage)
    {
        if (model.StartsWith("gpt-image", StringComparison.Ordinal) && usage is not null)
        {
            var (textIn, imageIn, imageOut) = model == "gpt-image-1-mini" ? (2m, 2.5m, 8m) : (5m, 10m, 40m);
            var imageTokens = usage.InputImageTokens ?? 0;
            var cost = ((usage.InputTokens - imageTokens) * textIn) + (imageTokens * imageIn) + (usage.OutputTokens * imageOut);
            return Math.Round(cost / 1_000_000m, 4);
        }
        var large = size is "1792x1024" or "1024x1792";
        decimal? each = model switch
        {
            "dall-e-3" => quality == "hd" ? (large ? 0.12m : 0.08m) : (large ? 0.08m : 0.04m),
            "dall-e-2" => size switch { "256x256" => 0.016m, "512x512" => 0.018m, _ => 0.02m },
            _ => null,
        };
        return each * images;
    }
}
