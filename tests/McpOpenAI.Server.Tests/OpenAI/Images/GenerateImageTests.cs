using System.Collections.Concurrent;
using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol;

namespace McpOpenAI.Server.Tests.OpenAI.Images;

/// <summary>generate_image end to end: files, metadata, previews, resource links and resources, partial images.</summary>
public sealed class GenerateImageTests
{
    [Fact]
    public async Task GenerateImage_Default_SavesFileAndMetadataAndReturnsPreviewLinkAndResource()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);

        var result = await server.CallAsync("generate_image", new() { ["prompt"] = "a red fox in the snow" }, ct);

        var value = ImageServer.Structured(result);
        var image = value.GetProperty("images")[0];
        var path = image.GetProperty("path").GetString()!;
        Assert.Equal(server.OutputFolder, Path.GetDirectoryName(path));
        Assert.Matches(@"^openai-image-\d{8}-\d{6}-[a-f0-9]{10}\.png$", Path.GetFileName(path));
        Assert.True(FakeImages.TryReadSize(await File.ReadAllBytesAsync(path, ct), out var w, out var h));
        Assert.Equal((1024, 1024), (w, h));
        var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(path, ".json"), ct)).RootElement;
        Assert.Equal("a red fox in the snow", metadata.GetProperty("prompt").GetString());
        Assert.Equal("gpt-image-1", metadata.GetProperty("model").GetString());
        Assert.StartsWith("resp_", metadata.GetProperty("response_id").GetString());
        Assert.StartsWith("thr_", metadata.GetProperty("thread").GetString());
        Assert.Equal("responses_api", value.GetProperty("api").GetString());
        Assert.Empty(Directory.GetFiles(server.OutputFolder, "*.tmp"));

        var preview = Assert.Single(result.Content.OfType<ImageContentBlock>());
        Assert.Equal("image/png", preview.MimeType);
        var link = Assert.Single(result.Content.OfType<ResourceLinkBlock>());
        Assert.Equal("image://images/" + Path.GetFileName(path), link.Uri);

        var resources = await server.Client.ListResourcesAsync(cancellationToken: ct);
        Assert.Contains(resources, r => r.Uri == link.Uri);
        var read = await server.Client.ReadResourceAsync(link.Uri, cancellationToken: ct);
        var blob = Assert.IsType<BlobResourceContents>(Assert.Single(read.Contents));
        Assert.Equal(await File.ReadAllBytesAsync(path, ct), blob.DecodedData.ToArray());
    }

    [Fact]
    public async Task GenerateImage_ManyImagesOnImagesApi_SavesEveryImage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);

        var result = await server.CallAsync("generate_image", new()
        {
            ["prompt"] = "three cats", ["n"] = 3, ["size"] = "1536x1024", ["quality"] = "low", ["background"] = "transparent", ["output_format"] = "png",
        }, ct);

        var value = ImageServer.Structured(result);
        Assert.Equal("images_api", value.GetProperty("api").GetString());
        Assert.Equal(3, value.GetProperty("images").GetArrayLength());
        Assert.Equal(3, Directory.GetFiles(server.OutputFolder, "openai-image-*.png").Length);
        Assert.Equal(3, result.Content.OfType<ResourceLinkBlock>().Count());
        var sent = server.Fake.Requests.Single(r => r.Path == "/v1/images/generations").Json!;
        Assert.Equal("transparent", sent["background"]!.GetValue<string>());
        Assert.Equal("1536x1024", sent["size"]!.GetValue<string>());
        Assert.Equal(3, sent["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task GenerateImage_DallE3_SendsStyleAndKeepsRevisedPrompt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);

        var result = await server.CallAsync("generate_image", new() { ["prompt"] = "a lighthouse", ["model"] = "dall-e-3", ["style"] = "natural", ["quality"] = "hd", ["size"] = "1792x1024" }, ct);

        var image = ImageServer.Structured(result).GetProperty("images")[0];
        Assert.Equal("A detailed rendering of a lighthouse", image.GetProperty("revised_prompt").GetString());
        var sent = server.Fake.Requests.Single(r => r.Path == "/v1/images/generations").Json!;
        Assert.Equal("natural", sent["style"]!.GetValue<string>());
        Assert.Equal("b64_json", sent["response_format"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenerateImage_PartialImages_AnnouncedAsFilesBeforeTheResult()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        var existed = new ConcurrentDictionary<string, bool>();
        await using var reports = ProgressLog.Attach(server.Client, v => existed[v.Message ?? ""] = v.Message is { } m && File.Exists(m));

        var result = await server.CallAsync("generate_image", new() { ["prompt"] = "a sunrise", ["partial_images"] = 2 }, ct, reports);

        var value = ImageServer.Structured(result);
        var partials = value.GetProperty("partials").EnumerateArray().Select(p => p.GetProperty("path").GetString()!).ToArray();
        Assert.Equal(2, partials.Length);
        await reports.WaitForCountAsync(2, ct);
        Assert.Equal(partials, reports.Messages);
        Assert.All(partials, p => Assert.True(existed[p], "each partial was on disk when it was announced"));
        Assert.True(server.Fake.Requests.Single(r => r.Path == "/v1/responses").Json!["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GenerateImage_PartialImagesWithManyImages_StreamsTheImagesApi()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);
        await using var reports = ProgressLog.Attach(server.Client);

        var result = await server.CallAsync("generate_image", new() { ["prompt"] = "two boats", ["n"] = 2, ["partial_images"] = 1 }, ct, reports);

        var value = ImageServer.Structured(result);
        Assert.Equal(2, value.GetProperty("images").GetArrayLength());
        Assert.Equal(2, value.GetProperty("partials").GetArrayLength());
        await reports.WaitForCountAsync(2, ct);
        Assert.Equal(2, reports.Count);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task GenerateImage_LargeImage_PreviewIsDownscaledJpegUnderTheLimit(string format)
    {
        var ct = TestContext.Current.CancellationToken;
        const int limit = 60_000;
        await using var server = await ImageServer.StartAsync(ct, new Dictionary<string, string?> { ["OpenAI__Images__PreviewByteLimit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        server.Fake.ImageContent = FakeImageContent.Noise;

        var result = await server.CallAsync("generate_image", new() { ["prompt"] = "a wide valley", ["size"] = "1536x1024", ["output_format"] = format }, ct);

        var path = ImageServer.Structured(result).GetProperty("images")[0].GetProperty("path").GetString()!;
        Assert.EndsWith(format == "jpeg" ? ".jpg" : "." + format, path);
        Assert.True(new FileInfo(path).Length > limit);
        var preview = Assert.Single(result.Content.OfType<ImageContentBlock>());
        Assert.Equal("image/jpeg", preview.MimeType);
        var bytes = preview.DecodedData.ToArray();
        Assert.True(bytes.Length <= limit, $"preview is {bytes.Length} bytes");
        Assert.True(FakeImages.TryReadSize(bytes, out var w, out var h));
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
        Assert.InRange(w / (double)h, 1.45, 1.55);
        Assert.True(w < 1536);
    }

    [Fact]
    public async Task GenerateImage_ContentPolicy_IsAClearErrorAndSavesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ImageServer.StartAsync(ct);

        var result = await server.CallAsync("generate_image", new() { ["prompt"] = "something forbidden", ["n"] = 2 }, ct);

        Assert.True(result.IsError);
        Assert.Contains("content_policy_violation", ImageServer.Text(result));
        Assert.False(Directory.Exists(server.OutputFolder) && Directory.GetFiles(server.OutputFolder).Length > 0);
    }
}
