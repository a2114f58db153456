namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Saves what an API returned (finals and partials), records thread steps, and reports each file as it lands.</summary>
internal sealed class ImageSaver(ImageStore store, ImageThreadStore threads)
{
    public async Task<SavedImage> SavePartialAsync(PartialImage partial, string prompt, ImageSettings settings, string api, CancellationToken cancellationToken) =>
        await store.SaveAsync(partial.Bytes, new ImageMetadata
        {
            Prompt = prompt, Model = settings.Model, Size = settings.Size, Quality = settings.Quality, Background = settings.Background,
            Format = settings.EffectiveFormat, Api = api, Kind = "partial", PartialIndex = partial.Index,
        }, $"partial{partial.ImageIndex + 1}-{partial.Index + 1}", cancellationToken).ConfigureAwait(false);

    /// <summary>Saves every final image first, then joins Responses API images to their thread.</summary>
    public async Task<IReadOnlyList<SavedImage>> SaveFinalsAsync(ImageApiResult result, string prompt, ImageSettings settings, ThreadTarget? thread, CancellationToken cancellationToken,
        string? requestKey = null)
    {
        var cost = ImageCost.Estimate(settings.Model, result.Images.FirstOrDefault()?.Size ?? settings.Size, result.Images.FirstOrDefault()?.Quality ?? settings.Quality, result.Images.Count, result.Usage);
        var saved = new List<SavedImage>();
        foreach (var image in result.Images)
        {
            saved.Add(await store.SaveAsync(image.Bytes, new ImageMetadata
            {
                Prompt = prompt, RevisedPrompt = image.RevisedPrompt, Model = settings.Model, Size = image.Size ?? settings.Size,
                Quality = image.Quality ?? settings.Quality, Background = image.Background ?? settings.Background, Format = image.Format ?? settings.EffectiveFormat,
                ResponseId = image.ResponseId, ImageId = image.ImageCallId, Api = result.Api,
                Usage = result.Images.Count == 1 ? result.Usage : null, CostEstimateUsd = cost is { } c ? Math.Round(c / result.Images.Count, 4) : null,
                RequestKey = requestKey,
            }, null, CancellationToken.None).ConfigureAwait(false));
        }
        if (thread is null) return saved;
        for (var i = 0; i < saved.Count; i++)
        {
            if (result.Images[i].ResponseId is not { } responseId) continue;
            var (t, step) = await threads.AddStepAsync(thread.ThreadId, thread.ParentStep, prompt, responseId, result.Images[i].ImageCallId, saved[i], cancellationToken).ConfigureAwait(false);
            saved[i] = saved[i] with { Metadata = saved[i].Metadata with { Thread = t.Id, Step = step.Step } };
            await store.UpdateMetadataAsync(saved[i], cancellationToken).ConfigureAwait(false);
        }
        return saved;
    }
}
