using System.Net;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Plugins.OpenAI.Images;
using McpOpenAI.Plugins.OpenAI.Shared;
using McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Plugins.OpenAI.Tests.Shared;

/// <summary>The one image loader under the edit rules (edit_image, create_variations): downloads, earlier results, no GIF, PNG sizes.</summary>
public sealed class ImageInputEditRulesTests : IDisposable
{
    private readonly TestImages _images = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_EarlierResultById_ReadWithSizeAndName()
    {
        var store = new ImageStore(new AppPaths(outputFolder: _images.Folder), TimeProvider.System);
        var saved = await store.SaveAsync(FakeImages.Create("a", 12, 8), new ImageMetadata { Prompt = "p" }, null, Ct);

        var image = await ImageInputReader.ReadAsync(saved.Metadata.Id, "images", ImageInputRules.Edits(store, new HttpClient()), Ct);

        Assert.Equal((12, 8), (image.Width, image.Height));
        Assert.Equal(ImageFileType.Png, image.Type);
        Assert.Equal(saved.Name, image.FileName);
        Assert.Equal(await File.ReadAllBytesAsync(saved.Path, Ct), image.Data);
    }

    [Fact]
    public async Task ReadAsync_HttpUrl_DownloadedAndChecked()
    {
        using var http = new HttpClient(new StubHandler(HttpStatusCode.OK, TestImages.Png));

        var image = await ImageInputReader.ReadAsync("https://example.test/pics/cat.png", "images", Rules(http), Ct);

        Assert.Null(image.Url);
        Assert.Equal(TestImages.Png, image.Data);
        Assert.Equal("cat.png", image.FileName);
        Assert.Equal((8, 8), (image.Width, image.Height));
    }

    [Fact]
    public async Task ReadAsync_JpegFile_TypeButNoSize()
    {
        var path = _images.Write("photo.jpg", FakeImages.Create("j", 20, 10, format: "jpeg"));

        var image = await ImageInputReader.ReadAsync(path, "images", Rules(new HttpClient()), Ct);

        Assert.Equal(ImageFileType.Jpeg, image.Type);
        Assert.Null(image.Width);
        Assert.Null(image.Height);
    }

    [Fact]
    public async Task ReadAsync_DownloadFails_InvalidArgumentNamesIt()
    {
        using var http = new HttpClient(new StubHandler(HttpStatusCode.NotFound, []));

        var error = await Assert.ThrowsAsync<FunctionException>(() => ImageInputReader.ReadAsync("https://example.test/x.png", "image", Rules(http), Ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("'image'", error.Message);
        Assert.Contains("could not download", error.Message);
    }

    [Fact]
    public async Task ReadAsync_GifUnderEditRules_RejectedByContent()
    {
        var path = _images.Write("anim.png", "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray());

        var error = await Assert.ThrowsAsync<FunctionException>(() => ImageInputReader.ReadAsync(path, "images", Rules(new HttpClient()), Ct));

        Assert.Contains("not a supported image", error.Message);
        Assert.Contains("PNG, JPEG, WEBP)", error.Message);
    }

    [Fact]
    public async Task ReadAsync_UnknownReference_SaysNoFileOrEarlierImage()
    {
        var error = await Assert.ThrowsAsync<FunctionException>(() => ImageInputReader.ReadAsync("openai-image-20250101-120000-0000000000.png", "images", Rules(new HttpClient()), Ct));

        Assert.Contains("no file or earlier image", error.Message);
    }

    [Fact]
    public async Task ReadAsync_DataUri_NamedImageWithTypeExtension()
    {
        var image = await ImageInputReader.ReadAsync(TestImages.PngDataUri, "mask", Rules(new HttpClient()), Ct);

        Assert.Equal("image.png", image.FileName);
        Assert.Equal("image/png", image.MediaType);
    }

    public void Dispose() => _images.Dispose();

    private ImageInputRules Rules(HttpClient http) => ImageInputRules.Edits(new ImageStore(new AppPaths(outputFolder: _images.Folder), TimeProvider.System), http);

    private sealed class StubHandler(HttpStatusCode status, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(body) });
    }
}
