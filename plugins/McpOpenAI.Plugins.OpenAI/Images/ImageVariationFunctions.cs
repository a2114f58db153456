using System.ClientModel;
using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>create_variations: the dall-e-2 variations endpoint where it is served, else an edit on the image model.</summary>
public sealed class ImageVariationFunctions
{
    private const string Instruction = "Create a variation of this image: keep the subject, composition and style, with small natural differences in details.";
    private readonly ImageService _service;

    /// <summary>Creates the part from the application's services.</summary>
    public ImageVariationFunctions(IServiceProvider services) => _service = ImageParts.CreateService(services);

    /// <summary>Makes variations of an image.</summary>
    [KernelFunction("create_variations")]
    [Description("Make 1-10 variations of an image (path, URL, data URI, or an earlier image id). Uses the dall-e-2 variations endpoint where OpenAI still serves it (square PNG), otherwise an edit with a variation instruction on the image model; the result's 'api' says which path was used.")]
    [FunctionTraits(Title = "Create variations", OpenWorld = true, LongRunning = true)]
    public async Task<FunctionOutput> CreateVariationsAsync(
        [Description("The image to vary.")] string image,
        [Description("How many variations, 1-10.")] int n = 1,
        [Description("Output size: 256x256, 512x512 or 1024x1024 on dall-e-2; the image model's sizes otherwise.")] string? size = null,
        [Description("The image model for the edit path (default from configuration).")] string? model = null,
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (n is < 1 or > 10) throw FunctionException.InvalidArgument("n", $"{n} variations is out of range.", "1 to 10", "2");
        var normalizedSize = ImageSettings.Normalize(size);
        var loaded = await _service.LoadAsync("image", image, cancellationToken).ConfigureAwait(false);
        var square = loaded.Type == ImageFileType.Png && loaded.Width == loaded.Height && loaded.Data.Length < 4 * 1024 * 1024;
        var dalle = new ImageSettings { Model = "dall-e-2", N = n, Size = normalizedSize };
        var editSettings = new ImageSettings { Model = ImageSettings.Normalize(model) ?? _service.Factory.Options.ImageModel, N = n, Size = normalizedSize };
        var useEndpoint = square && (normalizedSize is null || ImageModelRules.Known["dall-e-2"].Sizes.Contains(normalizedSize)) && await DallE2ServedAsync(cancellationToken).ConfigureAwait(false);
        if (!useEndpoint) ImageValidator.Validate(editSettings, Instruction);

        if (useEndpoint)
        {
            var api = new ImagesApiClient(_service.Factory);
            var result = await ImageCalls.RunAsync(() => api.VaryAsync(loaded, n, normalizedSize, cancellationToken), _service.Factory, "dall-e-2", cancellationToken).ConfigureAwait(false);
            var saver = new ImageSaver(_service.Store, _service.Threads);
            var finals = await saver.SaveFinalsAsync(result, "variation of " + loaded.FileName, dalle, null, cancellationToken).ConfigureAwait(false);
            var value = new ImageResult
            {
                Images = finals.Select(ImageOutputBuilder.Item).ToList(), Model = "dall-e-2", Api = result.Api, OutputFolder = _service.Store.Folder,
                CostEstimateUsd = ImageCost.Estimate("dall-e-2", normalizedSize, null, finals.Count, null),
            };
            return ImageOutputBuilder.Build(value, finals, _service.Options.PreviewByteLimit);
        }
        var imagesApi = new ImagesApiClient(_service.Factory);
        var edited = await ImageCalls.RunAsync(() => imagesApi.EditAsync(editSettings, Instruction, [loaded], null, null, cancellationToken), _service.Factory, editSettings.Model, cancellationToken).ConfigureAwait(false);
        var saved = await new ImageSaver(_service.Store, _service.Threads).SaveFinalsAsync(edited with { Api = "edit_variation" }, Instruction, editSettings, null, cancellationToken).ConfigureAwait(false);
        var edit = new ImageResult
        {
            Images = saved.Select(ImageOutputBuilder.Item).ToList(), Model = editSettings.Model, Api = "edit_variation", Usage = edited.Usage, OutputFolder = _service.Store.Folder,
            CostEstimateUsd = ImageCost.Estimate(editSettings.Model, normalizedSize, null, saved.Count, edited.Usage),
        };
        return ImageOutputBuilder.Build(edit, saved, _service.Options.PreviewByteLimit);
    }

    private async Task<bool> DallE2ServedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _service.Factory.GetModelClient().GetModelAsync("dall-e-2", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ClientResultException ex) when (ex.Status is 404 or 403)
        {
            return false;
        }
    }
}
