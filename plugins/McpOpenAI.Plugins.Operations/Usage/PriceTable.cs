using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using McpOpenAI.Kernel;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>Looks up prices and prices a request's usage.</summary>
public sealed partial class PriceTable(IOptionsMonitor<PricingOptions> options)
{
    private static readonly JsonSerializerOptions DefaultsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, PropertyNameCaseInsensitive = true, TypeInfoResolver = OperationsJson.Default };

    /// <summary>The shipped defaults (prices.json, with its source and date in it).</summary>
    public static Dictionary<string, ModelPrice> Defaults()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream("McpOpenAI.Plugins.Operations.prices.json")
            ?? throw new InvalidOperationException("prices.json is missing from the assembly.");
        using var document = JsonDocument.Parse(stream);
        var models = document.RootElement.GetProperty("models").Deserialize(KernelJson.TypeInfo<Dictionary<string, ModelPrice>>(DefaultsJson)) ?? [];
        return new Dictionary<string, ModelPrice>(models, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The price of <paramref name="model"/>; a dated snapshot (<c>gpt-4o-2024-08-06</c>) takes its model's price.</summary>
    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrEmpty(model)) return null;
        var models = options.CurrentValue.Models;
        if (models.TryGetValue(model, out var price)) return price;
        var undated = DateSuffix().Replace(model, "");
        return models.TryGetValue(undated, out price) ? price : null;
    }

    /// <summary>The cost of tokens and images at <paramref name="model"/>'s prices; null when the model has no price.</summary>
    public decimal? Cost(string? model, UsageFigures usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (Find(model) is not { } price) return usage.IsEmpty ? 0 : null;
        if (price.Free) return 0;
        var input = price.Input ?? 0;
        var textInput = Math.Max(0, usage.InputTokens - usage.CachedInputTokens - usage.ImageInputTokens);
        var tokens = (textInput * input) + (usage.CachedInputTokens * (price.CachedInput ?? input))
            + (usage.ImageInputTokens * (price.ImageInput ?? input)) + (usage.OutputTokens * (price.Output ?? 0));
        var cost = tokens / 1_000_000m;
        if (usage.Images > 0 && usage.OutputTokens == 0)
        {
            // Images priced per image: DALL·E, and gpt-image through the Responses API, whose usage leaves them out.
            if (ImagePrice(price, usage.ImageQuality, usage.ImageSize) is not { } each) return null;
            cost += each * usage.Images;
        }
        return Math.Round(cost, 6);
    }

    private static decimal? ImagePrice(ModelPrice price, string? quality, string? size)
    {
        if (price.Images.Count == 0) return null;
        // "auto" and unnamed settings are priced as OpenAI's defaults: medium (standard) quality, a square image.
        var byQuality = quality is { Length: > 0 } q && price.Images.TryGetValue(q, out var found) ? found
            : price.Images.TryGetValue("medium", out var medium) ? medium
            : price.Images.TryGetValue("standard", out var standard) ? standard : price.Images.Values.First();
        if (size is { Length: > 0 } s && byQuality.TryGetValue(s, out var each)) return each;
        return byQuality.TryGetValue("1024x1024", out var square) ? square : byQuality.Values.Max();
    }

    [GeneratedRegex(@"-\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateSuffix();
}
