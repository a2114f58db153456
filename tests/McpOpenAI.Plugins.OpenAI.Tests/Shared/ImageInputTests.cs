using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Shared;
using McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.Tests.Shared;

public sealed class ImageInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadAsync_PngFile_ReadAsDataContent()
    {
        using var images = new TestImages();
        var path = images.Write("photo.bin", TestImages.Png);

        var image = await ImageInput.LoadAsync(path, "images[0]", cancellationToken: Ct);

        Assert.Equal("image/png", image.MediaType);
        var data = Assert.IsType<DataContent>(image.ToContent("low"));
        Assert.Equal(TestImages.Png, data.Data.ToArray());
        Assert.Equal("low", data.AdditionalProperties!["detail"]);
        Assert.StartsWith("data:image/png;base64,", image.ToUrlString());
    }

    [Fact]
    public async Task LoadAsync_HttpsUrl_PassedOnWithoutFetching()
    {
        var image = await ImageInput.LoadAsync("https://example.com/cat.jpg", "images[0]", cancellationToken: Ct);

        Assert.Equal(new Uri("https://example.com/cat.jpg"), image.Url);
        Assert.IsType<UriContent>(image.ToContent());
    }

    [Fact]
    public async Task LoadAsync_DataUri_Decoded()
    {
        var image = await ImageInput.LoadAsync(TestImages.PngDataUri, "images[0]", cancellationToken: Ct);

        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(TestImages.Png, image.Bytes);
        Assert.True(image.Source.Length < 50);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "image/gif")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "image/webp")]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F' }, null)]
    public void Detect_MagicBytes_MediaType(byte[] bytes, string? expected) =>
        Assert.Equal(expected, ImageFormat.Detect(bytes));

    [Fact]
    public async Task LoadAsync_TextFileNamedPng_RejectedByContent()
    {
        using var images = new TestImages();
        var path = images.Write("fake.png", "not an image"u8.ToArray());

        var error = await Assert.ThrowsAsync<FunctionException>(() => ImageInput.LoadAsync(path, "images[1]", cancellationToken: Ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("'images[1]'", error.Message);
        Assert.Contains("not a supported image", error.Message);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png");

        var error = await Assert.ThrowsAsync<FunctionException>(() => ImageInput.LoadAsync(path, "images[0]", cancellationToken: Ct));

        Assert.Contains("does not exist", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task LoadAsync_FileOverLimit_Rejected()
    {
        using var images = new TestImages();
        var path = images.Write("big.png", TestImages.Png);

        var error = await Assert.ThrowsAsync<FunctionException>(() => ImageInput.LoadAsync(path, "images[0]", maxBytes: 10, cancellationToken: Ct));

        Assert.Contains("larger than", error.Message);
    }

    [Theory]
    [InlineData("data:image/png,abc", "not base64-encoded")]
    [InlineData("data:image/png;base64,@@@", "not valid base64")]
    [InlineData("ftp://example.com/a.png", "'ftp:' links are not supported")]
    [InlineData("  ", "empty")]
    public async Task LoadAsync_BadValue_InvalidArgument(string value, string expected)
    {
        var error = await Assert.ThrowsAsync<FunctionException>(() => ImageInput.LoadAsync(value, "images[0]", cancellationToken: Ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task LoadAllAsync_TooMany_Rejected()
    {
        var error = await Assert.ThrowsAsync<FunctionException>(() => ImageInput.LoadAllAsync(["https://a.test/1.png", "https://a.test/2.png"], "images", maxCount: 1, cancellationToken: Ct));

        Assert.Contains("at most 1", error.Message);
    }
}
