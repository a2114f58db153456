#pragma warning disable OPENAI001 // The Responses client is marked experimental in the SDK.
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.OpenAI;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>
/// Image generation through the Responses API's <c>image_generation</c> tool: the way to continue a thread
/// (<c>previous_response_id</c>) and to stream partial images.
/// </summary>
internal sealed class ResponsesImageClient(OpenAIClientFactory factory, string mainlineModel)
{
    public async Task<ImageApiResult> RunAsync(ResponsesImageRequest request, Func<PartialImage, Task>? onPartial, CancellationToken cancellationToken)
    {
        var body = Body(request, stream: onPartial is not null && request.Settings.PartialImages > 0);
        var client = factory.GetResponsesClient();
        var content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
        if (body["stream"] is not null)
        {
            var streamed = await client.CreateResponseAsync(content, new RequestOptions { CancellationToken = cancellationToken, BufferResponse = false }).ConfigureAwait(false);
            return await ReadStreamAsync(streamed, onPartial!, cancellationToken).ConfigureAwait(false);
        }
        var result = await client.CreateResponseAsync(content, new RequestOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
        using var document = JsonDocument.Parse(result.GetRawResponse().Content);
        return Parse(document.RootElement);
    }

    private JsonObject Body(ResponsesImageRequest request, bool stream)
    {
        var s = request.Settings;
        var tool = new JsonObject { ["type"] = "image_generation", ["model"] = s.Model };
        if (s.Size is not null) tool["size"] = s.Size;
        if (s.Quality is not null) tool["quality"] = s.Quality;
        if (s.Background is not null) tool["background"] = s.Background;
        if (s.OutputFormat is not null) tool["output_format"] = s.OutputFormat;
        if (s.OutputCompression is { } c) tool["output_compression"] = c;
        if (s.Moderation is not null) tool["moderation"] = s.Moderation;
        if (s.InputFidelity is not null) tool["input_fidelity"] = s.InputFidelity;
        if (request.Mask is not null) tool["input_image_mask"] = new JsonObject { ["image_url"] = request.Mask.ToUrlString() };
        if (stream) tool["partial_images"] = s.PartialImages;

        var parts = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = request.Prompt });
        foreach (var image in request.Images)
            parts.Add((JsonNode)new JsonObject { ["type"] = "input_image", ["image_url"] = image.ToUrlString() });
        var body = new JsonObject
        {
            ["model"] = mainlineModel,
            ["input"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = parts }),
            ["tools"] = new JsonArray(tool),
            ["tool_choice"] = new JsonObject { ["type"] = "image_generation" },
            ["store"] = true,
        };
        if (request.PreviousResponseId is not null) body["previous_response_id"] = request.PreviousResponseId;
        if (stream) body["stream"] = true;
        return body;
    }

    private static ImageApiResult Parse(JsonElement response)
    {
        var responseId = ImageJson.String(response, "id");
        var images = new List<GeneratedImageData>();
        if (response.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in output.EnumerateArray().Where(i => ImageJson.String(i, "type") == "image_generation_call"))
            {
                if (ImageJson.String(item, "result") is not { } b64) continue;
                images.Add(new GeneratedImageData(Convert.FromBase64String(b64))
                {
                    RevisedPrompt = ImageJson.String(item, "revised_prompt"),
                    Size = ImageJson.String(item, "size"),
                    Quality = ImageJson.String(item, "quality"),
                    Background = ImageJson.String(item, "background"),
                    Format = ImageJson.String(item, "output_format"),
                    ResponseId = responseId,
                    ImageCallId = ImageJson.String(item, "id"),
                });
            }
        }
        if (images.Count == 0)
        {
            var text = ImageJson.String(response, "status") is "failed" or "incomplete" ? ImageJson.String(response, "status") : "no image";
            throw new Kernel.Errors.FunctionException(Kernel.Errors.ErrorCodes.UpstreamError,
                $"The model answered without an image ({text}).", ["Rephrase the prompt as an instruction to draw or change the image.", "Try again."]);
        }
        return new ImageApiResult(images, ImageJson.Usage(response), "responses_api");
    }

    private static async Task<ImageApiResult> ReadStreamAsync(ClientResult result, Func<PartialImage, Task> onPartial, CancellationToken cancellationToken)
    {
        var stream = result.GetRawResponse().ContentStream ?? throw new InvalidDataException("OpenAI returned an empty stream.");
        await using var streamDisposal = stream.ConfigureAwait(false);
        await foreach (var (type, data) in OpenAIEventStream.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            switch (type)
            {
                case "response.image_generation_call.partial_image":
                    await onPartial(new PartialImage(ImageJson.Base64(ImageJson.String(data, "partial_image_b64"), "partial image"),
                        ImageJson.Int(data, "partial_image_index") ?? 0, 0)).ConfigureAwait(false);
                    break;
                case "response.completed":
                    return Parse(data.GetProperty("response"));
                case "response.failed" or "error":
                    throw ImagesApiClient.StreamError(data.TryGetProperty("response", out var r) && r.TryGetProperty("error", out var e) ? e : data);
            }
        }
        throw new InvalidDataException("The response stream ended before the image was completed.");
    }
}
