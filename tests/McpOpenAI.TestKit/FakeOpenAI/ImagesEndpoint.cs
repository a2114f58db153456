using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary><c>POST /v1/images/generations|edits|variations</c>, with gpt-image streaming of partial images.</summary>
internal static class ImagesEndpoint
{
    public static Task GenerateAsync(FakeOpenAIServer server, HttpContext http, JsonObject body, FakeFault? fault) =>
        RespondAsync(server, http, ImageRequest.FromJson(body), "image_generation", null, 0, fault);

    public static async Task EditAsync(FakeOpenAIServer server, HttpContext http, RecordedRequest request, FakeFault? fault)
    {
        var images = request.Files.Where(f => f.FieldName is "image" or "image[]").ToList();
        if (images.Count == 0)
        {
            await FakeHttp.MissingAsync(http, "image");
            return;
        }
        var size = FakeImages.TryReadSize(images[0].Content, out var w, out var h) ? $"{w}x{h}" : null;
        await RespondAsync(server, http, ImageRequest.FromForm(request), "image_edit", size, images.Count, fault);
    }

    public static async Task VariationAsync(FakeOpenAIServer server, HttpContext http, RecordedRequest request)
    {
        var image = request.Files.FirstOrDefault(f => f.FieldName == "image");
        if (image is null)
        {
            await FakeHttp.MissingAsync(http, "image");
            return;
        }
        var parameters = ImageRequest.FromForm(request) with { Prompt = "variation of " + image.FileName };
        if ((parameters.Model ?? "dall-e-2") != "dall-e-2")
        {
            await FakeHttp.ErrorAsync(http, 400, "Invalid model. The model argument should be left blank.", param: "model", code: "invalid_value");
            return;
        }
        await RespondAsync(server, http, parameters, "image_variation", null, 1, null);
    }

    private static async Task RespondAsync(FakeOpenAIServer server, HttpContext http, ImageRequest r, string kind, string? inputSize, int inputImages, FakeFault? fault)
    {
        var model = r.Model ?? "dall-e-2";
        var gpt = model.StartsWith("gpt-image", StringComparison.Ordinal);
        if (!server.IsServed(model))
        {
            await FakeHttp.ModelNotFoundAsync(http, model);
            return;
        }
        if (string.IsNullOrWhiteSpace(r.Prompt))
        {
            await FakeHttp.MissingAsync(http, "prompt");
            return;
        }
        if (r.Prompt.Contains(server.FlagWord, StringComparison.OrdinalIgnoreCase))
        {
            var blocked = gpt ? FakeFault.ModerationBlocked() : FakeFault.ContentPolicy();
            await FakeHttp.ErrorAsync(http, 400, blocked.Message, blocked.Type, blocked.Code);
            return;
        }
        if (r.N < 1 || r.N > 10 || (model == "dall-e-3" && r.N != 1))
        {
            await FakeHttp.ErrorAsync(http, 400, model == "dall-e-3" ? "You must provide n=1 for this model." : $"{r.N} is not in [1, 10] - 'n'", param: "n", code: "invalid_value");
            return;
        }
        var size = r.Size is null or "auto" ? inputSize ?? "1024x1024" : r.Size;
        if (!FakeImages.TryParseSize(size, out var width, out var height))
        {
            await FakeHttp.ErrorAsync(http, 400, $"Invalid value: '{r.Size}'. Supported values are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.", param: "size", code: "invalid_value");
            return;
        }
        if (r.Stream && !gpt)
        {
            await FakeHttp.ErrorAsync(http, 400, "Streaming is only supported for gpt-image models.", param: "stream", code: "invalid_value");
            return;
        }
        // Only gpt-image models take output_format and output_compression; DALL·E always answers PNG.
        var format = gpt ? r.OutputFormat ?? "png" : "png";
        if (!FakeImages.Formats.Contains(format))
        {
            await FakeHttp.ErrorAsync(http, 400, $"Invalid value: '{format}'. Supported values are: 'png', 'jpeg', and 'webp'.", param: "output_format", code: "invalid_value");
            return;
        }
        var compression = r.OutputCompression ?? 100;
        if (compression is < 0 or > 100)
        {
            await FakeHttp.ErrorAsync(http, 400, $"Invalid 'output_compression': {compression}. Expected a value between 0 and 100.", param: "output_compression", code: "invalid_value");
            return;
        }

        var transparent = r.Background == "transparent";
        byte[] Image(string seed) => FakeImages.Create(seed, width, height, transparent, format, server.ImageContent, compression);
        var images = Enumerable.Range(0, r.N).Select(i => Image($"{r.Prompt}#{i}")).ToList();
        var quality = r.Quality is "low" or "medium" or "high" ? r.Quality : "medium";
        var usage = Usage(r.Prompt, inputImages, quality, r.N);

        if (r.Stream)
        {
            var sse = new SseWriter(http, fault);
            foreach (var image in images)
            {
                for (var p = 0; p < Math.Clamp(r.PartialImages, 0, 3); p++)
                {
                    var partial = Describe(kind + ".partial_image", Image($"{r.Prompt}~{p}"), size, quality, r.Background ?? "auto", format);
                    partial["partial_image_index"] = p;
                    if (!await sse.WriteAsync(partial, kind + ".partial_image")) return;
                }
                var completed = Describe(kind + ".completed", image, size, quality, transparent ? "transparent" : "opaque", format);
                completed["usage"] = usage.DeepClone();
                if (!await sse.WriteAsync(completed, kind + ".completed")) return;
            }
            return;
        }

        var data = new JsonArray();
        foreach (var image in images)
        {
            var item = new JsonObject();
            if (!gpt && r.ResponseFormat != "b64_json")
            {
                var name = FakeHttp.NewId("img_") + ".png";
                server.Files[name] = image;
                item["url"] = BaseOrigin(http) + "/files/" + name;
            }
            else
            {
                item["b64_json"] = Convert.ToBase64String(image);
            }
            if (model == "dall-e-3") item["revised_prompt"] = "A detailed rendering of " + r.Prompt;
            data.Add(item);
        }
        var response = new JsonObject { ["created"] = FakeHttp.Now(), ["data"] = data };
        if (gpt)
        {
            response["background"] = transparent ? "transparent" : "opaque";
            response["output_format"] = format;
            response["size"] = size;
            response["quality"] = quality;
            response["usage"] = usage;
        }
        await FakeHttp.JsonAsync(http, response);
    }

    private static JsonObject Describe(string type, byte[] image, string size, string quality, string background, string format) => new()
    {
        ["type"] = type,
        ["b64_json"] = Convert.ToBase64String(image),
        ["created_at"] = FakeHttp.Now(),
        ["size"] = size,
        ["quality"] = quality,
        ["background"] = background,
        ["output_format"] = format,
    };

    private static JsonObject Usage(string prompt, int inputImages, string quality, int n)
    {
        var text = FakeHttp.CountTokens(prompt);
        var imageTokens = inputImages * 323;
        var output = n * quality switch { "low" => 272, "high" => 4160, _ => 1056 };
        return new JsonObject
        {
            ["total_tokens"] = text + imageTokens + output,
            ["input_tokens"] = text + imageTokens,
            ["output_tokens"] = output,
            ["input_tokens_details"] = new JsonObject { ["text_tokens"] = text, ["image_tokens"] = imageTokens },
        };
    }

    private static string BaseOrigin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
