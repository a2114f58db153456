using System.Globalization;
using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Checks image arguments against the model's rules before any request is made.</summary>
internal static class ImageValidator
{
    private static readonly string[] Backgrounds = ["transparent", "opaque", "auto"];
    private static readonly string[] Formats = ["png", "jpeg", "webp"];
    private static readonly string[] Moderations = ["low", "auto"];
    private static readonly string[] Fidelities = ["low", "high"];

    /// <summary>Validates <paramref name="settings"/> and the prompt; throws <see cref="FunctionException"/> naming the argument.</summary>
    public static ImageModelRules Validate(ImageSettings settings, string? prompt, bool promptRequired = true)
    {
        var rules = ImageModelRules.For(settings.Model) ?? throw FunctionException.InvalidArgument("model",
            $"'{settings.Model}' is not an image model.", string.Join(", ", ImageModelRules.Known.Keys), "gpt-image-1");
        if (promptRequired && string.IsNullOrWhiteSpace(prompt))
            throw FunctionException.InvalidArgument("prompt", "a prompt is required.", "any text describing the image", "\"a red fox in the snow\"");
        if (prompt is not null && prompt.Length > rules.MaxPromptLength)
            throw FunctionException.InvalidArgument("prompt", $"{prompt.Length} characters is longer than {rules.Model} accepts.",
                $"at most {rules.MaxPromptLength} characters for {rules.Model}", "a shorter description");
        if (settings.N < 1 || settings.N > rules.MaxN)
            throw FunctionException.InvalidArgument("n", $"{settings.N} images is not possible with {rules.Model}.",
                rules.MaxN == 1 ? "1 (dall-e-3 makes one image a request)" : $"1 to {rules.MaxN}", "1");
        ValidateSize(settings.Size, rules);
        OneOf("quality", settings.Quality, rules.Qualities, rules.Model);
        if (settings.Style is not null)
        {
            if (rules.Styles.Count == 0)
                throw FunctionException.InvalidArgument("style", $"{rules.Model} has no styles; style is for dall-e-3.", "leave it out, or use model=dall-e-3", "vivid");
            OneOf("style", settings.Style, rules.Styles, rules.Model);
        }
        GptOnly("background", settings.Background, rules, Backgrounds);
        GptOnly("output_format", settings.OutputFormat, rules, Formats);
        GptOnly("moderation", settings.Moderation, rules, Moderations);
        GptOnly("input_fidelity", settings.InputFidelity, rules, Fidelities);
        if (settings.Background == "transparent" && settings.OutputFormat == "jpeg")
            throw FunctionException.InvalidArgument("background", "a transparent background needs an output format with alpha; jpeg has none.",
                "output_format=png or webp with background=transparent", "transparent with output_format=png");
        if (settings.OutputCompression is { } compression)
        {
            if (!rules.IsGptImage || settings.OutputFormat is not ("jpeg" or "webp"))
                throw FunctionException.InvalidArgument("output_compression", "compression applies only to jpeg or webp output of gpt-image models.",
                    "output_format=jpeg or webp with output_compression 0-100", "80 with output_format=webp");
            if (compression is < 0 or > 100)
                throw FunctionException.InvalidArgument("output_compression", $"{compression} is out of range.", "0 to 100", "80");
        }
        if (settings.PartialImages != 0)
        {
            if (settings.PartialImages is < 0 or > 3)
                throw FunctionException.InvalidArgument("partial_images", $"{settings.PartialImages} is out of range.", "0 to 3", "2");
            if (!rules.IsGptImage)
                throw FunctionException.InvalidArgument("partial_images", $"{rules.Model} cannot stream partial images.", "0, or a gpt-image model", "gpt-image-1 with partial_images=2");
        }
        return rules;
    }

    private static void ValidateSize(string? size, ImageModelRules rules)
    {
        if (size is null || rules.Sizes.Contains(size)) return;
        var allowed = string.Join(", ", rules.Sizes) + (rules.CustomSizes ? ", or WIDTHxHEIGHT (edges multiples of 16, at most 3840, ratio at most 3:1, 655360 to 8294400 pixels)" : "");
        if (!rules.CustomSizes || !TryParseSize(size, out var w, out var h))
            throw FunctionException.InvalidArgument("size", $"'{size}' is not a size {rules.Model} makes.", allowed, rules.Sizes.Count > 1 ? rules.Sizes[1] : rules.Sizes[0]);
        var pixels = (long)w * h;
        var ok = w % 16 == 0 && h % 16 == 0 && Math.Max(w, h) <= 3840 && Math.Max(w, h) <= 3 * Math.Min(w, h) && pixels is >= 655_360 and <= 8_294_400;
        if (!ok)
            throw FunctionException.InvalidArgument("size", $"'{size}' breaks {rules.Model}'s size rules.", allowed, "2048x1152");
    }

    /// <summary>Parses <c>WIDTHxHEIGHT</c>.</summary>
    public static bool TryParseSize(string? size, out int width, out int height)
    {
        width = height = 0;
        var parts = size?.Split('x');
        return parts is { Length: 2 }
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && width > 0 && height > 0;
    }

    private static void OneOf(string argument, string? value, IReadOnlyList<string> allowed, string model)
    {
        if (value is not null && !allowed.Contains(value))
            throw FunctionException.InvalidArgument(argument, $"'{value}' is not accepted by {model}.", string.Join(", ", allowed), allowed[^1]);
    }

    private static void GptOnly(string argument, string? value, ImageModelRules rules, IReadOnlyList<string> allowed)
    {
        if (value is null) return;
        if (!rules.IsGptImage)
            throw FunctionException.InvalidArgument(argument, $"{rules.Model} does not take {argument}; it is for gpt-image models.", "leave it out, or use model=gpt-image-1", allowed[0]);
        OneOf(argument, value, allowed, rules.Model);
    }
}
