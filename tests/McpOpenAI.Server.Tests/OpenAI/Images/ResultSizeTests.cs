using System.Globalization;
using System.Text.Json;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.OpenAI.Images;

/// <summary>Ten large, hard-to-compress images in one call: the result stays within the 1 MiB Claude Desktop accepts, and nothing is lost.</summary>
public sealed class ResultSizeTests
{
    private const int OneMiB = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateImage_TenLargeNoiseImages_ResultUnderOneMiB_AllSavedAndLinked()
    {
        await using var server = await ImageServer.StartAsync(Ct);
        server.Fake.ImageContent = FakeImageContent.Noise;

        var result = await server.CallAsync("generate_image", new() { ["prompt"] = "ten noisy skies", ["n"] = 10, ["size"] = "1536x1024" }, Ct);

        AssertFitsAndKeepsAll(server, result, "png", out var size);
        Assert.Equal(10, result.Content.OfType<ImageContentBlock>().Count());
        Report("default preview limit", result, size);
    }

    [Fact]
    public async Task GenerateImage_TenLargeImagesWithAHighPreviewLimit_TheBridgeDropsPreviewsToFit()
    {
        await using var server = await ImageServer.StartAsync(Ct, new Dictionary<string, string?> { ["OpenAI__Images__PreviewByteLimit"] = (4 * OneMiB).ToString(CultureInfo.InvariantCulture) });
        server.Fake.ImageContent = FakeImageContent.Noise;

        var result = await server.CallAsync("generate_image", new()
        {
            ["prompt"] = "ten noisy seas", ["n"] = 10, ["size"] = "1536x1024", ["output_format"] = "jpeg", ["output_compression"] = 100,
        }, Ct);

        AssertFitsAndKeepsAll(server, result, "jpg", out var size);
        Assert.True(result.Content.OfType<ImageContentBlock>().Count() < 10);
        Assert.Contains(result.Content.OfType<TextContentBlock>(), t => t.Text.Contains("left out to keep this result under the 1 MiB", StringComparison.Ordinal));
        Report("4 MiB preview limit", result, size);
    }

    private static void AssertFitsAndKeepsAll(ImageServer server, CallToolResult result, string extension, out int size)
    {
        size = JsonSerializer.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions).Length;
        Assert.True(size <= OneMiB, $"the result is {size} bytes");
        var images = ImageServer.Structured(result).GetProperty("images").EnumerateArray().Select(i => i.GetProperty("path").GetString()!).ToArray();
        Assert.Equal(10, images.Length);
        Assert.All(images, p => Assert.True(File.Exists(p) && new FileInfo(p).Length > OneMiB, p));
        Assert.Equal(10, Directory.GetFiles(server.OutputFolder, "openai-image-*." + extension).Length);
        var links = result.Content.OfType<ResourceLinkBlock>().Select(l => l.Uri).ToArray();
        Assert.Equal(images.Select(p => "image://images/" + Path.GetFileName(p)), links);
    }

    private static void Report(string setting, CallToolResult result, int size)
    {
        var previews = result.Content.OfType<ImageContentBlock>().Select(i => i.Data.Length).ToArray();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{setting}: result {size} bytes; {previews.Length} previews, {previews.Sum()} bytes of base64 (largest {previews.DefaultIfEmpty().Max()})");
    }
}
