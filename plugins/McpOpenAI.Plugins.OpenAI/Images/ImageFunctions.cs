using System.ComponentModel;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Image generation and editing: generate_image, edit_image, list_image_threads.</summary>
public sealed class ImageFunctions
{
    private readonly ImageService _service;

    /// <summary>Creates the part from the application's services.</summary>
    public ImageFunctions(IServiceProvider services) => _service = ImageParts.CreateService(services);

    /// <summary>Generates images from a prompt.</summary>
    [KernelFunction("generate_image")]
    [Description("Generate images from a text prompt with OpenAI (gpt-image-1 by default). Every image is saved in the output folder with JSON metadata; the result shows the image, its path and an image:// resource link. gpt-image models with n=1 start an image thread that edit_image can continue.")]
    [FunctionTraits(Title = "Generate image", OpenWorld = true, LongRunning = true)]
    public async Task<FunctionOutput> GenerateImageAsync(
        [Description("What to draw.")] string prompt,
        [Description("gpt-image-1 (default), gpt-image-1-mini, gpt-image-1.5, gpt-image-2, dall-e-3, dall-e-2.")] string? model = null,
        [Description("gpt-image: 1024x1024, 1536x1024, 1024x1536, auto (gpt-image-2 also WIDTHxHEIGHT); dall-e-3: 1024x1024, 1792x1024, 1024x1792; dall-e-2: 256x256, 512x512, 1024x1024.")] string? size = null,
        [Description("gpt-image: low, medium, high, auto; dall-e-3: standard, hd.")] string? quality = null,
        [Description("dall-e-3 only: vivid or natural.")] string? style = null,
        [Description("How many images, 1-10 (dall-e-3: 1).")] int n = 1,
        [Description("gpt-image: transparent, opaque or auto. transparent needs png or webp.")] string? background = null,
        [Description("gpt-image: png (default), jpeg or webp.")] string? outputFormat = null,
        [Description("gpt-image with jpeg or webp: compression 0-100.")] int? outputCompression = null,
        [Description("gpt-image: low or auto.")] string? moderation = null,
        [Description("0-3 partial images to stream and save while the final image renders (gpt-image).")] int partialImages = 0,
        [Description("Return the saved files of an identical earlier generation (same prompt and options) instead of paying for new ones; default false.")] bool reuse = false,
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var settings = Settings(model, size, quality, style, n, background, outputFormat, outputCompression, moderation, partialImages, null);
        var (result, finals) = await _service.GenerateAsync(prompt, settings, progress ?? new Progress<FunctionProgress>(), cancellationToken, reuse).ConfigureAwait(false);
        return ImageOutputBuilder.Build(result, finals, _service.Options.PreviewByteLimit);
    }

    /// <summary>Edits images or continues an image thread.</summary>
    [KernelFunction("edit_image")]
    [Description("Edit images with a prompt: 1-16 input images (local paths, http(s) URLs, data URIs, or earlier results by id or image:// URI), an optional PNG mask the size of the first image, or continue an image thread ('make the sky darker') with thread (optionally from_step to branch) or previous_response_id.")]
    [FunctionTraits(Title = "Edit image", OpenWorld = true, LongRunning = true)]
    public async Task<FunctionOutput> EditImageAsync(
        [Description("What to change.")] string prompt,
        [Description("1-16 input images: paths, URLs, data URIs, or ids of earlier images. May be empty when continuing a thread.")] string[]? images = null,
        [Description("A PNG mask the same size as the first image; transparent areas are edited.")] string? mask = null,
        [Description("An image thread id (thr_...) to continue; see list_image_threads.")] string? thread = null,
        [Description("The step of the thread to continue from (branching); default the last.")] int? fromStep = null,
        [Description("A Responses API response id to continue.")] string? previousResponseId = null,
        [Description("gpt-image-1 (default), gpt-image-1-mini, gpt-image-1.5, gpt-image-2, dall-e-2.")] string? model = null,
        [Description("high or low: how closely to keep the input images' details (gpt-image).")] string? inputFidelity = null,
        [Description("Output size, as for generate_image.")] string? size = null,
        [Description("low, medium, high, auto.")] string? quality = null,
        [Description("transparent, opaque or auto.")] string? background = null,
        [Description("png, jpeg or webp.")] string? outputFormat = null,
        [Description("jpeg or webp compression 0-100.")] int? outputCompression = null,
        [Description("How many images, 1-10.")] int n = 1,
        [Description("0-3 partial images to stream.")] int partialImages = 0,
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var settings = Settings(model, size, quality, null, n, background, outputFormat, outputCompression, null, partialImages, inputFidelity);
        var continuation = ThreadTarget.Resolve(_service.Threads, ImageSettings.Normalize(thread) is null ? null : thread!.Trim(), fromStep,
            string.IsNullOrWhiteSpace(previousResponseId) ? null : previousResponseId.Trim());
        var (result, finals) = await _service.EditAsync(prompt, settings, images ?? [], string.IsNullOrWhiteSpace(mask) ? null : mask, continuation,
            progress ?? new Progress<FunctionProgress>(), cancellationToken).ConfigureAwait(false);
        return ImageOutputBuilder.Build(result, finals, _service.Options.PreviewByteLimit);
    }

    /// <summary>Lists the image threads.</summary>
    [KernelFunction("list_image_threads")]
    [Description("List the multi-turn image threads (newest first) with their steps, response ids and images; continue one with edit_image thread=....")]
    [FunctionTraits(Title = "List image threads", ReadOnly = true, Idempotent = true)]
    public IReadOnlyList<ImageThread> ListImageThreads() => _service.Threads.List();

    internal ImageSettings Settings(string? model, string? size, string? quality, string? style, int n, string? background, string? outputFormat,
        int? outputCompression, string? moderation, int partialImages, string? inputFidelity) => new()
    {
        Model = ImageSettings.Normalize(model) ?? _service.Factory.Options.ImageModel,
        Size = ImageSettings.Normalize(size),
        Quality = ImageSettings.Normalize(quality),
        Style = ImageSettings.Normalize(style),
        N = n,
        Background = ImageSettings.Normalize(background),
        OutputFormat = ImageSettings.Normalize(outputFormat) is "jpg" ? "jpeg" : ImageSettings.Normalize(outputFormat),
        OutputCompression = outputCompression,
        Moderation = ImageSettings.Normalize(moderation),
        PartialImages = partialImages,
        InputFidelity = ImageSettings.Normalize(inputFidelity),
    };
}
