namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>The price table (<c>Pricing</c> section): the shipped defaults (prices.json) with configuration's entries over them.</summary>
public sealed class PricingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Pricing";

    /// <summary>Prices by model id; a dated snapshot such as <c>gpt-4.1-mini-2025-04-14</c> takes its model's price.</summary>
    public Dictionary<string, ModelPrice> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
