using McpOpenAI.Plugins.OpenAI.Images;
using McpOpenAI.TestKit.FakeOpenAI;
using SkiaSharp;

namespace McpOpenAI.Plugins.OpenAI.Tests.Images;

public sealed class ImagePreviewTests
{
    private const int Limit = 512 * 1024;

    [Theory]
    [InlineData("png", Limit)]
    [InlineData("jpeg", Limit)]
    [InlineData("webp", Limit)]
    [InlineData("png", Limit / 10)]
    [InlineData("jpeg", Limit / 10)]
    [InlineData("webp", Limit / 10)]
    public void Create_LargeOpaqueNoise_JpegUnderTheLimitWithTheSameAspect(string format, int limit)
    {
        var original = FakeImages.Create("noise", 1536, 1024, format: format, content: FakeImageContent.Noise);
        Assert.True(original.Length > limit);

        var preview = ImagePreview.Create(original, ImageFileType.FromFormat(format), limit);

        Assert.NotNull(preview);
        Assert.Equal(ImageFileType.Jpeg, preview.Value.Type);
        Assert.InRange(preview.Value.Bytes.Length, limit / 4, limit);
        using var decoded = Decode(preview.Value.Bytes, SKEncodedImageFormat.Jpeg);
        Assert.InRange(decoded.Width / (double)decoded.Height, 1.48, 1.52);
        Assert.True(decoded.Width < 1536);
    }

    [Fact]
    public void Create_OpaquePngThatFitsAsJpeg_JpegAtFullSize()
    {
        var original = FakeImages.Create("photo", 512, 256, content: FakeImageContent.Noise);
        var limit = original.Length / 2;

        var preview = ImagePreview.Create(original, ImageFileType.Png, limit);

        Assert.NotNull(preview);
        Assert.Equal(ImageFileType.Jpeg, preview.Value.Type);
        Assert.True(preview.Value.Bytes.Length <= limit);
        using var decoded = Decode(preview.Value.Bytes, SKEncodedImageFormat.Jpeg);
        Assert.Equal((512, 256), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Create_FlatOpaquePngSmallerThanItsJpeg_StaysPngUnderTheLimit()
    {
        var original = FakeImages.Create("diagram", 1536, 1024);
        const int limit = 2048;
        Assert.True(original.Length > limit);

        var preview = ImagePreview.Create(original, ImageFileType.Png, limit);

        Assert.NotNull(preview);
        Assert.Equal(ImageFileType.Png, preview.Value.Type);
        Assert.True(preview.Value.Bytes.Length <= limit, $"preview is {preview.Value.Bytes.Length} bytes");
        using var decoded = Decode(preview.Value.Bytes, SKEncodedImageFormat.Png);
        Assert.InRange(decoded.Width / (double)decoded.Height, 1.45, 1.55);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("webp")]
    public void Create_LargeTransparentNoise_PngUnderTheLimitKeepingTheAlpha(string format)
    {
        var original = FakeImages.Create("glass", 1024, 1024, transparent: true, format: format, content: FakeImageContent.Noise);
        const int limit = Limit / 10;

        var preview = ImagePreview.Create(original, ImageFileType.FromFormat(format), limit);

        Assert.NotNull(preview);
        Assert.Equal(ImageFileType.Png, preview.Value.Type);
        Assert.True(preview.Value.Bytes.Length <= limit, $"preview is {preview.Value.Bytes.Length} bytes");
        using var decoded = Decode(preview.Value.Bytes, SKEncodedImageFormat.Png);
        Assert.Equal(decoded.Width, decoded.Height);
        Assert.InRange(decoded.GetPixel(decoded.Width / 2, decoded.Height / 2).Alpha, 126, 130);
    }

    [Fact]
    public void Create_FitsTheLimit_TheOriginalUnchanged()
    {
        var original = FakeImages.Create("small", 64, 64, format: "webp");

        var preview = ImagePreview.Create(original, ImageFileType.Webp, Limit);

        Assert.NotNull(preview);
        Assert.Same(original, preview.Value.Bytes);
        Assert.Equal(ImageFileType.Webp, preview.Value.Type);
    }

    [Fact]
    public void Create_LimitUnder1KiB_NoPreview() =>
        Assert.Null(ImagePreview.Create(FakeImages.Create("s", 256, 256, content: FakeImageContent.Noise), ImageFileType.Png, 1000));

    public static TheoryData<string, byte[]> Corrupt()
    {
        var png = FakeImages.Create("c", 256, 256, content: FakeImageContent.Noise);
        var jpeg = FakeImages.Create("c", 256, 256, format: "jpeg", content: FakeImageContent.Noise);
        var webp = FakeImages.Create("c", 256, 256, format: "webp", content: FakeImageContent.Noise);
        var garbage = new byte[20_000];
        new Random(7).NextBytes(garbage);
        return new()
        {
            { "png", png[..(png.Length / 2)] },
            { "png", [.. png[..8], .. garbage] },
            { "png", [.. png[..33], .. garbage] },
            { "jpeg", jpeg[..(jpeg.Length / 2)] },
            { "jpeg", [0xFF, 0xD8, 0xFF, .. garbage] },
            { "webp", webp[..(webp.Length / 2)] },
            { "webp", [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. garbage] },
            { "png", garbage },
        };
    }

    [Theory]
    [MemberData(nameof(Corrupt))]
    public void Create_CorruptImageOverTheLimit_NoPreviewAndNoException(string format, byte[] corrupt)
    {
        var preview = ImagePreview.Create(corrupt, ImageFileType.FromFormat(format), 4096);

        Assert.Null(preview);
    }

    private static SKBitmap Decode(byte[] bytes, SKEncodedImageFormat format)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.NotNull(codec);
        Assert.Equal(format, codec.EncodedFormat);
        return SKBitmap.Decode(codec);
    }
}
