using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>One set of settings in a batch; each prompt is made once with each variant.</summary>
public sealed record BatchVariant
{
    /// <summary>The model.</summary>
    [Description("Image model.")] public string? Model { get; init; }

    /// <summary>The size.</summary>
    [Description("Size, e.g. 1024x1024.")] public string? Size { get; init; }

    /// <summary>The quality.</summary>
    [Description("Quality.")] public string? Quality { get; init; }

    /// <summary>The style (dall-e-3).</summary>
    [Description("Style (dall-e-3).")] public string? Style { get; init; }

    /// <summary>The background.</summary>
    [Description("Background.")] public string? Background { get; init; }

    /// <summary>The output format.</summary>
    [Description("Output format.")] public string? OutputFormat { get; init; }
}
