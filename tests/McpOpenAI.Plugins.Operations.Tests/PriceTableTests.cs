using McpOpenAI.Plugins.Operations.Usage;

namespace McpOpenAI.Plugins.Operations.Tests;

public sealed class PriceTableTests
{
    private static PriceTable Table() => new(new TestOptions<PricingOptions>(new PricingOptions { Models = PriceTable.Defaults() }));

    [Fact]
    public void Cost_ChatTokens_UseInputCachedAndOutputPrices()
    {
        var cost = Table().Cost("gpt-4.1-mini", new UsageFigures { InputTokens = 1_000_000, CachedInputTokens = 400_000, OutputTokens = 500_000 });

        Assert.Equal((0.6m * 0.40m) + (0.4m * 0.10m) + (0.5m * 1.60m), cost);
    }

    [Fact]
    public void Cost_DatedSnapshot_TakesItsModelsPrice() =>
        Assert.Equal(2.00m, Table().Cost("gpt-4.1-2025-04-14", new UsageFigures { InputTokens = 1_000_000 }));

    [Fact]
    public void Cost_ImagesPricedPerImage_BySizeAndQuality()
    {
        Assert.Equal(0.24m, Table().Cost("dall-e-3", new UsageFigures { Images = 2, ImageSize = "1792x1024", ImageQuality = "hd" }));
        Assert.Equal(0.25m, Table().Cost("gpt-image-1", new UsageFigures { Images = 1, ImageSize = "1536x1024", ImageQuality = "high" }));
        Assert.Equal(0.042m, Table().Cost("gpt-image-1", new UsageFigures { Images = 1, ImageQuality = "auto" }));
    }

    [Fact]
    public void Cost_GptImageTokens_UseImageTokenPrices() =>
        Assert.Equal(((10m * 5m) + (1000m * 10m) + (4160m * 40m)) / 1_000_000m,
            Table().Cost("gpt-image-1", new UsageFigures { InputTokens = 1010, ImageInputTokens = 1000, OutputTokens = 4160, Images = 1 }));

    [Fact]
    public void Cost_UnknownModel_IsNullAndModerationIsFree()
    {
        Assert.Null(Table().Cost("my-local-model", new UsageFigures { InputTokens = 10 }));
        Assert.Equal(0m, Table().Cost("omni-moderation-latest", new UsageFigures()));
    }

    [Fact]
    public void Defaults_CiteTheirSourceAndDate()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream("McpOpenAI.Plugins.Operations.prices.json")!;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        Assert.Contains("https://platform.openai.com/docs/pricing", text, StringComparison.Ordinal);
        Assert.Contains("\"transcribed\": \"2026-12-01\"", text, StringComparison.Ordinal);
    }
}
