using System.ComponentModel;
using System.Globalization;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>batch_generate_images: many prompts, or one prompt with many settings, with bounded concurrency.</summary>
public sealed class BatchFunctions
{
    private const int MaxItems = 50;
    private readonly ImageService _service;
    private readonly ImageFunctions _images;

    /// <summary>Creates the part from the application's services.</summary>
    public BatchFunctions(IServiceProvider services)
    {
        _service = ImageParts.CreateService(services);
        _images = new ImageFunctions(services);
    }

    /// <summary>Generates many images.</summary>
    [KernelFunction("batch_generate_images")]
    [Description("Generate many images: each prompt once with each variant's settings (no variants: the defaults). Runs a few at a time (OpenAI:Images:BatchConcurrency, default 3), reports each saved path as it lands, and reports every item's success or error; one failing item never loses the others.")]
    [FunctionTraits(Title = "Batch generate images", OpenWorld = true, LongRunning = true)]
    public async Task<BatchResult> BatchGenerateImagesAsync(
        [Description("The prompts, 1-50.")] string[] prompts,
        [Description("Optional settings to make each prompt with (model, size, quality, style, background, output_format).")] BatchVariant[]? variants = null,
        [Description("The default model for variants that name none.")] string? model = null,
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        progress ??= new Progress<FunctionProgress>();
        if (prompts is null || prompts.Length == 0)
            throw FunctionException.InvalidArgument("prompts", "no prompts.", "1 to 50 prompts", "[\"a red fox\", \"a blue whale\"]");
        var sets = variants is { Length: > 0 } ? variants : [new BatchVariant()];
        var items = prompts.SelectMany(p => sets.Select(v => (Prompt: p, Variant: v))).ToList();
        if (items.Count > MaxItems)
            throw FunctionException.InvalidArgument("prompts", $"{items.Count} items (prompts x variants) is more than {MaxItems}.", $"at most {MaxItems} items", "10 prompts x 2 variants");
        var settings = items.Select(i => _images.Settings(i.Variant.Model ?? model, i.Variant.Size, i.Variant.Quality, i.Variant.Style, 1, i.Variant.Background, i.Variant.OutputFormat, null, null, 0, null)).ToList();
        for (var i = 0; i < items.Count; i++)
            ImageValidator.Validate(settings[i], items[i].Prompt);

        var results = new BatchItemResult[items.Count];
        var done = 0;
        using var gate = new SemaphoreSlim(Math.Max(1, _service.Options.BatchConcurrency));
        var tasks = items.Select(async (item, index) =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                results[index] = await RunItemAsync(index, item.Prompt, settings[index], cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
            var n = Interlocked.Increment(ref done);
            var first = results[index].Images.FirstOrDefault()?.Path;
            progress.Report(new FunctionProgress(n, items.Count, first ?? $"item {index + 1} failed: {results[index].Error}", first is null ? ProgressKind.Status : ProgressKind.File));
        }).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var ok = results.Count(r => r.Status == "ok");
        return new BatchResult(items.Count, ok, items.Count - ok, results, _service.Store.Folder);
    }

    private async Task<BatchItemResult> RunItemAsync(int index, string prompt, ImageSettings settings, CancellationToken cancellationToken)
    {
        var description = string.Join(", ", new[] { settings.Model, settings.Size, settings.Quality, settings.Style, settings.Background, settings.OutputFormat }.Where(s => s is not null));
        try
        {
            var (_, finals) = await _service.GenerateAsync(prompt, settings, new Progress<FunctionProgress>(), cancellationToken).ConfigureAwait(false);
            return new BatchItemResult(index + 1, prompt, description, "ok", finals.Select(ImageOutputBuilder.Item).ToList());
        }
        catch (FunctionException ex)
        {
            return new BatchItemResult(index + 1, prompt, description, "error", [], ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new BatchItemResult(index + 1, prompt, description, "error", [], ErrorCodes.Internal, ex.Message.ToString(CultureInfo.InvariantCulture));
        }
    }
}
