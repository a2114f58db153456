using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

using McpOpenAI.Plugins.OpenAI.Shared;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Generates and edits images: validates, picks the API, streams partials, saves every image first, records threads.</summary>
internal sealed class ImageService(OpenAIClientFactory factory, ImageStore store, ImageThreadStore threads, ImageInputRules inputs, ImageOptions options)
{
    private readonly ImageSaver _saver = new(store, threads);

    public ImageStore Store => store;

    public ImageThreadStore Threads => threads;

    public ImageOptions Options => options;

    public OpenAIClientFactory Factory => factory;

    /// <summary>Loads an input image (path, URL, data URI or earlier result) under the edit rules; errors name <paramref name="argument"/>.</summary>
    public Task<ImageInput> LoadAsync(string argument, string reference, CancellationToken cancellationToken) =>
        ImageInputReader.ReadAsync(reference, argument, inputs, cancellationToken);

    /// <summary>
    /// Generates images; gpt-image models with n=1 go through the Responses API and start a thread. With
    /// <paramref name="reuse"/>, an identical earlier generation's saved files are returned instead, with no request.
    /// </summary>
    public async Task<(ImageResult Result, IReadOnlyList<SavedImage> Finals)> GenerateAsync(string prompt, ImageSettings settings, IProgress<FunctionProgress> progress, CancellationToken cancellationToken,
        bool reuse = false)
    {
        var rules = ImageValidator.Validate(settings, prompt);
        var key = ImageRequestKey.Of(prompt, settings);
        if (reuse && store.FindGenerated(key, settings.N) is { } saved)
            return (Reused(saved, settings), saved);
        var partials = new List<SavedImage>();
        if (rules.IsGptImage && settings.N == 1)
        {
            var target = new ThreadTarget(null, null, null);
            return await RunResponsesAsync(new ResponsesImageRequest(settings, prompt, [], null, null), target, partials, progress, cancellationToken, key).ConfigureAwait(false);
        }
        var api = new ImagesApiClient(factory);
        var result = await ImageCalls.RunAsync(() => api.GenerateAsync(settings, prompt, OnPartial(prompt, settings, "images_api", partials, progress, cancellationToken), cancellationToken),
            factory, settings.Model, cancellationToken).ConfigureAwait(false);
        var finals = await _saver.SaveFinalsAsync(result, prompt, settings, null, cancellationToken, key).ConfigureAwait(false);
        return (Result(result, settings, finals, partials, null), finals);
    }

    /// <summary>Edits images, or continues a thread.</summary>
    public async Task<(ImageResult Result, IReadOnlyList<SavedImage> Finals)> EditAsync(string prompt, ImageSettings settings, IReadOnlyList<string> imageRefs,
        string? maskRef, ThreadTarget? continuation, IProgress<FunctionProgress> progress, CancellationToken cancellationToken)
    {
        var rules = ImageValidator.Validate(settings, prompt);
        if (rules.MaxEditImages == 0)
            throw FunctionException.InvalidArgument("model", $"{rules.Model} cannot edit images.", "gpt-image-1, gpt-image-1-mini, gpt-image-1.5, gpt-image-2, dall-e-2", "gpt-image-1");
        if (continuation is null && imageRefs.Count == 0)
            throw FunctionException.InvalidArgument("images", "no image to edit.", "1 to 16 images (paths, URLs, data URIs or earlier image ids), or a thread to continue", "[\"openai-image-20250101-120000-ab12cd34ef.png\"]");
        if (continuation is not null) CheckThreadStep(continuation, rules, settings, imageRefs.Count);
        if (imageRefs.Count > rules.MaxEditImages)
            throw FunctionException.InvalidArgument("images", $"{imageRefs.Count} images is more than {rules.Model} takes.", $"1 to {rules.MaxEditImages}", "[\"a.png\", \"b.png\"]");
        var images = new List<ImageInput>();
        foreach (var reference in imageRefs)
            images.Add(await LoadAsync("images", reference, cancellationToken).ConfigureAwait(false));
        var mask = maskRef is null ? null : await LoadMaskAsync(maskRef, images, continuation, cancellationToken).ConfigureAwait(false);
        if (!rules.IsGptImage && images.Any(i => i.Type != ImageFileType.Png || i.Width != i.Height))
            throw FunctionException.InvalidArgument("images", "dall-e-2 edits only square PNG images.", "a square PNG, or model=gpt-image-1", "square.png");

        var partials = new List<SavedImage>();
        if (continuation is not null || (rules.IsGptImage && settings.N == 1))
        {
            var request = new ResponsesImageRequest(settings, prompt, images, mask, continuation?.PreviousResponseId);
            return await RunResponsesAsync(request, continuation ?? new ThreadTarget(null, null, null), partials, progress, cancellationToken).ConfigureAwait(false);
        }
        var api = new ImagesApiClient(factory);
        var result = await ImageCalls.RunAsync(() => api.EditAsync(settings, prompt, images, mask, OnPartial(prompt, settings, "images_api", partials, progress, cancellationToken), cancellationToken),
            factory, settings.Model, cancellationToken).ConfigureAwait(false);
        var finals = await _saver.SaveFinalsAsync(result, prompt, settings, null, cancellationToken).ConfigureAwait(false);
        return (Result(result, settings, finals, partials, null), finals);
    }

    // A thread step is one Responses API image on a gpt-image model, continuing a response or editing given images.
    private static void CheckThreadStep(ThreadTarget continuation, ImageModelRules rules, ImageSettings settings, int imageCount)
    {
        if (continuation.PreviousResponseId is null && imageCount == 0)
            throw FunctionException.InvalidArgument("images", $"image thread {continuation.ThreadId} has no images yet, so there is nothing to continue.", "1 to 16 images to edit as the thread's first step", "[\"photo.png\"]");
        if (!rules.IsGptImage)
            throw FunctionException.InvalidArgument("model", $"threads continue through the Responses API, which {rules.Model} does not serve.",
                string.Join(", ", ImageModelRules.Known.Values.Where(r => r.IsGptImage).Select(r => r.Model)), "gpt-image-1");
        if (settings.N != 1)
            throw FunctionException.InvalidArgument("n", $"a thread step makes one image, not {settings.N}.", "1 when continuing a thread (leave out thread and previous_response_id for more)", "1");
    }

    private async Task<(ImageResult, IReadOnlyList<SavedImage>)> RunResponsesAsync(ResponsesImageRequest request, ThreadTarget target, List<SavedImage> partials,
        IProgress<FunctionProgress> progress, CancellationToken cancellationToken, string? requestKey = null)
    {
        var client = new ResponsesImageClient(factory, options.ResponsesModel ?? factory.Options.ChatModel);
        var result = await ImageCalls.RunAsync(() => client.RunAsync(request, OnPartial(request.Prompt, request.Settings, "responses_api", partials, progress, cancellationToken), cancellationToken),
            factory, request.Settings.Model, cancellationToken).ConfigureAwait(false);
        var finals = await _saver.SaveFinalsAsync(result, request.Prompt, request.Settings, target, cancellationToken, requestKey).ConfigureAwait(false);
        return (Result(result, request.Settings, finals, partials, finals.FirstOrDefault()?.Metadata.Thread), finals);
    }

    private Func<PartialImage, Task>? OnPartial(string prompt, ImageSettings settings, string api, List<SavedImage> partials, IProgress<FunctionProgress> progress, CancellationToken cancellationToken)
    {
        if (settings.PartialImages <= 0) return null;
        return async partial =>
        {
            var saved = await _saver.SavePartialAsync(partial, prompt, settings, api, cancellationToken).ConfigureAwait(false);
            lock (partials) partials.Add(saved);
            progress.Report(new FunctionProgress(Message: saved.Path, Kind: ProgressKind.File, Content: new UriContent(new Uri(saved.Uri), saved.Type.MediaType)));
        };
    }

    private async Task<ImageInput> LoadMaskAsync(string maskRef, IReadOnlyList<ImageInput> images, ThreadTarget? continuation, CancellationToken cancellationToken)
    {
        var mask = await LoadAsync("mask", maskRef, cancellationToken).ConfigureAwait(false);
        if (mask.Type != ImageFileType.Png)
            throw FunctionException.InvalidArgument("mask", $"the mask is {mask.Type?.Format}; it must be a PNG (its alpha channel marks the area to change).", "a PNG with transparency", "mask.png");
        var first = images.FirstOrDefault();
        if (first is null && continuation?.ThreadId is { } threadId && threads.Get(threadId)?.Steps.FirstOrDefault(s => s.Step == continuation.ParentStep) is { } step
            && store.TryResolve(step.File) is { } path)
            first = await LoadAsync("images", path, cancellationToken).ConfigureAwait(false);
        if (first is { Width: { } w, Height: { } h } && (mask.Width != w || mask.Height != h))
            throw FunctionException.InvalidArgument("mask", $"the mask is {mask.Width}x{mask.Height} but the first image is {w}x{h}.", "a PNG mask the same size as the first image", $"a {w}x{h} PNG");
        return mask;
    }

    private ImageResult Reused(IReadOnlyList<SavedImage> saved, ImageSettings settings) => new()
    {
        Images = saved.Select(ImageOutputBuilder.Item).ToList(),
        Model = settings.Model,
        Api = saved[0].Metadata.Api ?? "",
        Thread = saved[0].Metadata.Thread,
        CostEstimateUsd = 0,
        OutputFolder = store.Folder,
        Reused = true,
    };

    private ImageResult Result(ImageApiResult result, ImageSettings settings, IReadOnlyList<SavedImage> finals, List<SavedImage> partials, string? thread) => new()
    {
        Images = finals.Select(ImageOutputBuilder.Item).ToList(),
        Partials = partials.Select(ImageOutputBuilder.Item).ToList(),
        Model = settings.Model,
        Api = result.Api,
        Thread = thread,
        Usage = result.Usage,
        CostEstimateUsd = ImageCost.Estimate(settings.Model, finals.FirstOrDefault()?.Metadata.Size ?? settings.Size, finals.FirstOrDefault()?.Metadata.Quality ?? settings.Quality, finals.Count, result.Usage),
        OutputFolder = store.Folder,
    };
}
