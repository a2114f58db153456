using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.OpenAI;

using McpOpenAI.Plugins.OpenAI.Shared;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>
/// The Images API (<c>/images/generations</c>, <c>/images/edits</c>, <c>/images/variations</c>) through the SDK's
/// protocol methods, so every parameter (several input images, custom sizes, streaming partials) reaches the wire
/// while the SDK's pipeline still supplies authentication, retries and timeouts.
/// </summary>
internal sealed class ImagesApiClient(OpenAIClientFactory factory)
{
    public async Task<ImageApiResult> GenerateAsync(ImageSettings s, string prompt, Func<PartialImage, Task>? onPartial, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["model"] = s.Model, ["prompt"] = prompt, ["n"] = s.N };
        Put(body, s);
        if (ImageModelRules.For(s.Model)?.IsGptImage != true) body["response_format"] = "b64_json";
        var client = factory.GetImageClient(s.Model);
        var content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
        if (onPartial is not null && s.PartialImages > 0)
        {
            body["stream"] = true;
            body["partial_images"] = s.PartialImages;
            content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
            var streamed = await client.GenerateImagesAsync(content, Streaming(cancellationToken)).ConfigureAwait(false);
            return await ReadStreamAsync(streamed, onPartial, cancellationToken).ConfigureAwait(false);
        }
        var result = await client.GenerateImagesAsync(content, Buffered(cancellationToken)).ConfigureAwait(false);
        return Parse(result, "images_api");
    }

    public async Task<ImageApiResult> EditAsync(ImageSettings s, string prompt, IReadOnlyList<ImageInput> images, ImageInput? mask,
        Func<PartialImage, Task>? onPartial, CancellationToken cancellationToken)
    {
        var form = new MultipartForm().Field("model", s.Model).Field("prompt", prompt).Field("n", s.N.ToString(CultureInfo.InvariantCulture));
        var fields = new JsonObject();
        Put(fields, s);
        foreach (var (key, value) in fields) form.Field(key, value?.ToString());
        if (s.InputFidelity is not null) form.Field("input_fidelity", s.InputFidelity);
        var gpt = ImageModelRules.For(s.Model)?.IsGptImage == true;
        if (!gpt) form.Field("response_format", "b64_json");
        var streaming = onPartial is not null && s.PartialImages > 0;
        if (streaming) form.Field("stream", "true").Field("partial_images", s.PartialImages.ToString(CultureInfo.InvariantCulture));
        foreach (var image in images) form.File(gpt ? "image[]" : "image", image.FileName, image.MediaType!, image.Data);
        if (mask is not null) form.File("mask", "mask.png", "image/png", mask.Data);
        var client = factory.GetImageClient(s.Model);
        var content = BinaryContent.Create(form.Build());
        if (streaming)
        {
            var streamed = await client.GenerateImageEditsAsync(content, form.ContentType, Streaming(cancellationToken)).ConfigureAwait(false);
            return await ReadStreamAsync(streamed, onPartial!, cancellationToken).ConfigureAwait(false);
        }
        var result = await client.GenerateImageEditsAsync(content, form.ContentType, Buffered(cancellationToken)).ConfigureAwait(false);
        return Parse(result, "images_api");
    }

    public async Task<ImageApiResult> VaryAsync(ImageInput image, int n, string? size, CancellationToken cancellationToken)
    {
        var form = new MultipartForm().Field("model", "dall-e-2").Field("n", n.ToString(CultureInfo.InvariantCulture))
            .Field("size", size).Field("response_format", "b64_json").File("image", "image.png", "image/png", image.Data);
        var result = await factory.GetImageClient("dall-e-2").GenerateImageVariationsAsync(BinaryContent.Create(form.Build()), form.ContentType, Buffered(cancellationToken)).ConfigureAwait(false);
        return Parse(result, "variations_endpoint");
    }

    private static void Put(JsonObject body, ImageSettings s)
    {
        if (s.Size is not null) body["size"] = s.Size;
        if (s.Quality is not null) body["quality"] = s.Quality;
        if (s.Style is not null) body["style"] = s.Style;
        if (s.Background is not null) body["background"] = s.Background;
        if (s.OutputFormat is not null) body["output_format"] = s.OutputFormat;
        if (s.OutputCompression is { } c) body["output_compression"] = c;
        if (s.Moderation is not null) body["moderation"] = s.Moderation;
    }

    private static ImageApiResult Parse(ClientResult result, string api)
    {
        using var document = JsonDocument.Parse(result.GetRawResponse().Content);
        var root = document.RootElement;
        var images = new List<GeneratedImageData>();
        foreach (var item in root.GetProperty("data").EnumerateArray())
        {
            images.Add(new GeneratedImageData(ImageJson.Base64(ImageJson.String(item, "b64_json"), "image data"))
            {
                RevisedPrompt = ImageJson.String(item, "revised_prompt"),
                Size = ImageJson.String(root, "size"),
                Quality = ImageJson.String(root, "quality"),
                Background = ImageJson.String(root, "background"),
                Format = ImageJson.String(root, "output_format"),
            });
        }
        return new ImageApiResult(images, ImageJson.Usage(root), api);
    }

    private static async Task<ImageApiResult> ReadStreamAsync(ClientResult result, Func<PartialImage, Task> onPartial, CancellationToken cancellationToken)
    {
        var images = new List<GeneratedImageData>();
        ImageUsage? usage = null;
        var stream = result.GetRawResponse().ContentStream ?? throw new InvalidDataException("OpenAI returned an empty stream.");
        await using var streamDisposal = stream.ConfigureAwait(false);
        await foreach (var (type, data) in OpenAIEventStream.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            if (type.EndsWith(".partial_image", StringComparison.Ordinal))
                await onPartial(new PartialImage(ImageJson.Base64(ImageJson.String(data, "b64_json"), "partial image"), ImageJson.Int(data, "partial_image_index") ?? 0, images.Count)).ConfigureAwait(false);
            else if (type.EndsWith(".completed", StringComparison.Ordinal))
            {
                images.Add(new GeneratedImageData(ImageJson.Base64(ImageJson.String(data, "b64_json"), "image data"))
                {
                    Size = ImageJson.String(data, "size"),
                    Quality = ImageJson.String(data, "quality"),
                    Background = ImageJson.String(data, "background"),
                    Format = ImageJson.String(data, "output_format"),
                });
                usage = ImageJson.Add(usage, ImageJson.Usage(data));
            }
            else if (type == "error")
                throw StreamError(data);
        }
        if (images.Count == 0) throw new InvalidDataException("The image stream ended before an image was completed.");
        return new ImageApiResult(images, usage, "images_api");
    }

    internal static Exception StreamError(JsonElement data)
    {
        var error = data.TryGetProperty("error", out var e) ? e : data;
        return new Kernel.Errors.FunctionException(Kernel.Errors.ErrorCodes.UpstreamError,
            "OpenAI reported an error while streaming: " + OpenAIErrorMapper.Scrub(ImageJson.String(error, "message") ?? "(no message)"), ["Try again."]);
    }

    private static RequestOptions Buffered(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken };

    private static RequestOptions Streaming(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken, BufferResponse = false };
}
