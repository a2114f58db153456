// The SDK marks the gpt-image and omni-moderation surface experimental (OPENAI001); the fake must support it.
#pragma warning disable OPENAI001
using System.ClientModel;
using System.Net.Http.Json;
using System.Text.Json;
using McpOpenAI.TestKit.FakeOpenAI;
using McpOpenAI.TestKit.Sse;
using OpenAI.Images;
using SkiaSharp;

namespace McpOpenAI.Kernel.Tests.TestKit;

public sealed class FakeOpenAIServerImageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_GptImage_PngOfSizeWithUsageAndSettings()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var images = FakeOpenAIServerTests.Sdk(server).GetImageClient("gpt-image-1");

        GeneratedImageCollection result = await images.GenerateImagesAsync("a red fox", 2, new ImageGenerationOptions
        {
            Size = GeneratedImageSize.W1024xH1536,
            Quality = GeneratedImageQuality.High,
            Background = GeneratedImageBackground.Transparent,
        }, Ct);

        Assert.Equal(2, result.Count);
        PngAssert.Valid(result[0].ImageBytes.ToArray(), 1024, 1536);
        Assert.Equal(GeneratedImageSize.W1024xH1536, result.Size);
        Assert.Equal(GeneratedImageBackground.Transparent, result.Background);
        Assert.True(result.Usage.OutputTokenCount > 0);
        Assert.Equal(result.Usage.InputTokenCount + result.Usage.OutputTokenCount, result.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Generate_DallE3_RevisedPromptAndBytes()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);

        GeneratedImage image = await FakeOpenAIServerTests.Sdk(server).GetImageClient("dall-e-3").GenerateImageAsync("a lighthouse",
            new ImageGenerationOptions { ResponseFormat = GeneratedImageFormat.Bytes, Size = new GeneratedImageSize(1792, 1024) }, Ct);

        Assert.Contains("a lighthouse", image.RevisedPrompt);
        PngAssert.Valid(image.ImageBytes.ToArray(), 1792, 1024);
    }

    [Fact]
    public async Task Generate_DallE2DefaultUrl_Downloadable()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);

        GeneratedImage image = await FakeOpenAIServerTests.Sdk(server).GetImageClient("dall-e-2").GenerateImageAsync("a cat",
            new ImageGenerationOptions { Size = GeneratedImageSize.W256xH256 }, Ct);

        using var http = new HttpClient();
        PngAssert.Valid(await http.GetByteArrayAsync(image.ImageUri, Ct), 256, 256);
    }

    [Fact]
    public async Task Generate_ModelNotServed_404()
    {
        await using var server = await FakeOpenAIServer.StartAsync(o => o.Models.Remove("dall-e-2"), Ct);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => FakeOpenAIServerTests.Sdk(server).GetImageClient("dall-e-2").GenerateImageAsync("x", cancellationToken: Ct));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Generate_FlagWordInPrompt_400ModerationBlocked()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);

        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            FakeOpenAIServerTests.Sdk(server).GetImageClient("gpt-image-1").GenerateImageAsync($"something {server.FlagWord}", cancellationToken: Ct));

        Assert.Equal(400, error.Status);
        Assert.Contains("moderation_blocked", error.GetRawResponse()!.Content.ToString());
    }

    [Fact]
    public async Task Edit_WithMask_MultipartRecordedAndSizeFollowsInput()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        using var image = new MemoryStream(FakeImages.Create("input", 64, 48));
        using var mask = new MemoryStream(FakeImages.Create("mask", 64, 48, transparent: true));

        GeneratedImage edited = await FakeOpenAIServerTests.Sdk(server).GetImageClient("gpt-image-1")
            .GenerateImageEditAsync(image, "in.png", "add a hat", mask, "mask.png", new ImageEditOptions(), Ct);

        PngAssert.Valid(edited.ImageBytes.ToArray(), 64, 48);
        var request = Assert.Single(server.Requests);
        Assert.Equal("add a hat", request.FormField("prompt"));
        Assert.Equal("gpt-image-1", request.FormField("model"));
        Assert.Contains(request.Files, f => f.FieldName is "image" or "image[]" && f.FileName == "in.png");
        Assert.Contains(request.Files, f => f.FieldName == "mask");
    }

    [Fact]
    public async Task Variation_DallE2_ReturnsImage()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        using var image = new MemoryStream(FakeImages.Create("input", 32, 32));

        GeneratedImage variation = await FakeOpenAIServerTests.Sdk(server).GetImageClient("dall-e-2").GenerateImageVariationAsync(image, "in.png",
            new ImageVariationOptions { ResponseFormat = GeneratedImageFormat.Bytes, Size = GeneratedImageSize.W256xH256 }, Ct);

        PngAssert.Valid(variation.ImageBytes.ToArray(), 256, 256);
        Assert.Equal("/v1/images/variations", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Generate_Streaming_PartialImagesThenCompleted()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        using var http = FakeOpenAIServerTests.Http(server);

        using var response = await http.PostAsJsonAsync("images/generations",
            new { model = "gpt-image-1", prompt = "a boat", size = "1024x1024", stream = true, partial_images = 2 }, Ct);
        var events = SseEvents.ParseJson(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["image_generation.partial_image", "image_generation.partial_image", "image_generation.completed"], events.Select(e => e.Event));
        Assert.Equal(1, events[1].Data.GetProperty("partial_image_index").GetInt32());
        var completed = events[2].Data;
        Assert.Equal("image_generation.completed", completed.GetProperty("type").GetString());
        PngAssert.Valid(Convert.FromBase64String(completed.GetProperty("b64_json").GetString()!), 1024, 1024);
        Assert.True(completed.GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
        Assert.Equal("png", completed.GetProperty("output_format").GetString());
    }

    [Theory]
    [InlineData("png", SKEncodedImageFormat.Png)]
    [InlineData("jpeg", SKEncodedImageFormat.Jpeg)]
    [InlineData("webp", SKEncodedImageFormat.Webp)]
    public async Task Generate_GptImageOutputFormat_ImagesOfThatFormatAndSize(string format, SKEncodedImageFormat expected)
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        using var http = FakeOpenAIServerTests.Http(server);

        using var response = await http.PostAsJsonAsync("images/generations",
            new { model = "gpt-image-1", prompt = "a kite", size = "1536x1024", output_format = format, output_compression = 80 }, Ct);
        var body = JsonElement.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(format, body.GetProperty("output_format").GetString());
        ImageAssert.Decodes(Convert.FromBase64String(body.GetProperty("data")[0].GetProperty("b64_json").GetString()!), expected, 1536, 1024);
    }

    [Fact]
    public async Task Generate_DallE2WithOutputFormat_StillPng()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        using var http = FakeOpenAIServerTests.Http(server);

        using var response = await http.PostAsJsonAsync("images/generations",
            new { model = "dall-e-2", prompt = "a kite", size = "256x256", output_format = "jpeg", response_format = "b64_json" }, Ct);
        var body = JsonElement.Parse(await response.Content.ReadAsStringAsync(Ct));

        PngAssert.Valid(Convert.FromBase64String(body.GetProperty("data")[0].GetProperty("b64_json").GetString()!), 256, 256);
    }

    [Fact]
    public async Task Generate_UnknownOutputFormat_400InvalidValue()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        using var http = FakeOpenAIServerTests.Http(server);

        using var response = await http.PostAsJsonAsync("images/generations", new { model = "gpt-image-1", prompt = "a kite", output_format = "gif" }, Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonElement.Parse(await response.Content.ReadAsStringAsync(Ct)).GetProperty("error");
        Assert.Equal("output_format", error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task Generate_NoiseContent_LargeImagesOfTheAskedFormat()
    {
        await using var server = await FakeOpenAIServer.StartAsync(o => o.ImageContent = FakeImageContent.Noise, Ct);

        GeneratedImage image = await FakeOpenAIServerTests.Sdk(server).GetImageClient("gpt-image-1").GenerateImageAsync("static",
            new ImageGenerationOptions { Size = GeneratedImageSize.W1024xH1024 }, Ct);

        var bytes = image.ImageBytes.ToArray();
        PngAssert.Valid(bytes, 1024, 1024);
        Assert.True(bytes.Length > 2 * 1024 * 1024, $"a noise PNG of 1024x1024 is only {bytes.Length} bytes");
    }

    [Fact]
    public async Task Responses_ImageToolOutputFormat_ResultInThatFormat()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.ImageContent = FakeImageContent.Noise;
        using var http = FakeOpenAIServerTests.Http(server);

        using var response = await http.PostAsJsonAsync("responses", new
        {
            model = "gpt-4.1-mini",
            input = "draw a fox",
            tools = new[] { new { type = "image_generation", size = "1024x1536", output_format = "webp" } },
        }, Ct);
        var call = JsonElement.Parse(await response.Content.ReadAsStringAsync(Ct)).GetProperty("output")[0];

        Assert.Equal("webp", call.GetProperty("output_format").GetString());
        var image = Convert.FromBase64String(call.GetProperty("result").GetString()!);
        ImageAssert.Decodes(image, SKEncodedImageFormat.Webp, 1024, 1536);
        Assert.True(image.Length > 512 * 1024, $"a noise WebP of 1024x1536 is only {image.Length} bytes");
    }
}
