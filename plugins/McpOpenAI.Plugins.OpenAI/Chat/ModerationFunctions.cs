using System.ClientModel.Primitives;
using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Shared;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>The OpenAI plugin's <c>moderate</c> function.</summary>
public sealed class ModerationFunctions(OpenAIClientFactory factory, TimeProvider? time = null)
{
    private const int MaxTexts = 100;
    private const int MaxImages = 10;
    private readonly OpenAICall _call = new(factory, time);

    /// <summary>Checks texts and images against OpenAI's usage policies.</summary>
    [KernelFunction("moderate")]
    [Description("Check texts and/or images with OpenAI's moderation model. Returns, per input, whether it is flagged, the flagged categories " +
        "(harassment, hate, self-harm, sexual, violence, …) and every category's score. Free to use.")]
    [FunctionTraits(Title = "Moderate content", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    public async Task<ModerationResult> Moderate(
        [Description("Texts to check, each judged on its own.")] string[]? texts = null,
        [Description("Images to check: https URLs, local file paths or data URIs (needs an omni-moderation model).")] string[]? images = null,
        [Description("The moderation model; default from configuration (omni-moderation-latest).")] string? model = null,
        CancellationToken cancellationToken = default)
    {
        var modelId = Arguments.Model(model, factory.Options.ModerationModel);
        texts ??= [];
        if (texts.Length == 0 && (images is null || images.Length == 0))
            throw FunctionException.InvalidArgument("texts", "give at least one text or image to check.", "texts and/or images", "[\"some text to check\"]");
        if (texts.Length > MaxTexts)
            throw FunctionException.InvalidArgument("texts", $"{texts.Length} texts were given; at most {MaxTexts} are allowed in one call.", $"1 to {MaxTexts} texts");
        for (var i = 0; i < texts.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
                throw FunctionException.InvalidArgument($"texts[{i}]", "the text is empty.", "non-empty texts", "\"some text to check\"");
        }
        if (images is { Length: > 0 } && !modelId.StartsWith("omni-moderation", StringComparison.OrdinalIgnoreCase))
            throw FunctionException.InvalidArgument("model", $"'{modelId}' reads text only; images need an omni-moderation model.", "omni-moderation-latest for images", "omni-moderation-latest");
        var loaded = await ImageInput.LoadAllAsync(images, "images", MaxImages, cancellationToken: cancellationToken).ConfigureAwait(false);

        var items = new List<ModerationItem>();
        if (texts.Length > 0)
        {
            var results = await _call.RunAsync("moderate", modelId, async token =>
                ModerationWire.Results((await factory.GetModerationClient(modelId).ClassifyTextAsync(ModerationWire.Texts(modelId, texts), new RequestOptions { CancellationToken = token }).ConfigureAwait(false)).GetRawResponse().Content),
                cancellationToken).ConfigureAwait(false);
            items.AddRange(results.Select((r, i) => new ModerationItem(Arguments.Shorten(texts[i], 80), "text", r.Flagged, r.Categories, r.Scores)));
        }
        // One request per image: a multimodal input array gets a single verdict, and each image deserves its own.
        foreach (var image in loaded)
        {
            var results = await _call.RunAsync("moderate", modelId, async token =>
                ModerationWire.Results((await factory.GetModerationClient(modelId).ClassifyTextAsync(ModerationWire.Image(modelId, image.ToUrlString()), new RequestOptions { CancellationToken = token }).ConfigureAwait(false)).GetRawResponse().Content),
                cancellationToken).ConfigureAwait(false);
            var r = results[0];
            items.Add(new ModerationItem(image.Source, "image", r.Flagged, r.Categories, r.Scores));
        }
        return new ModerationResult(modelId, items.Any(i => i.Flagged), items);
    }
}
