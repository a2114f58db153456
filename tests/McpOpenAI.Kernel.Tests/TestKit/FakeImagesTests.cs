using McpOpenAI.TestKit.FakeOpenAI;
using SkiaSharp;

namespace McpOpenAI.Kernel.Tests.TestKit;

public sealed class FakeImagesTests
{
    [Theory]
    [InlineData("png", SKEncodedImageFormat.Png)]
    [InlineData("jpeg", SKEncodedImageFormat.Jpeg)]
    [InlineData("webp", SKEncodedImageFormat.Webp)]
    public void Create_EachOutputFormat_RealImageOfThatFormatAndSize(string format, SKEncodedImageFormat expected)
    {
        var image = FakeImages.Create("seed", 48, 20, format: format);

        ImageAssert.Decodes(image, expected, 48, 20);
        Assert.True(FakeImages.TryReadSize(image, out var width, out var height));
        Assert.Equal((48, 20), (width, height));
    }

    [Fact]
    public void Create_Png_ValidChunksAndSize() => PngAssert.Valid(FakeImages.Create("seed", 7, 3), 7, 3);

    [Fact]
    public void Create_TransparentPng_EveryPixelHalfTransparent()
    {
        using var bitmap = SKBitmap.Decode(FakeImages.Create("seed", 40, 20, transparent: true));

        Assert.All(Enumerable.Range(0, 40), x => Assert.Equal(128, bitmap.GetPixel(x, x % 20).Alpha));
    }

    [Fact]
    public void Create_SameSeed_SameBytes_OtherSeed_OtherBytes()
    {
        Assert.Equal(FakeImages.Create("a", 16, 16, content: FakeImageContent.Noise), FakeImages.Create("a", 16, 16, content: FakeImageContent.Noise));
        Assert.NotEqual(FakeImages.Create("a", 16, 16), FakeImages.Create("b", 16, 16));
    }

    [Theory]
    [InlineData("png", 2_500_000)]
    [InlineData("jpeg", 1_000_000)]
    [InlineData("webp", 800_000)]
    public void Create_Noise_LargeAndFarLargerThanAGradient(string format, int atLeast)
    {
        var noise = FakeImages.Create("seed", 1024, 1024, format: format, content: FakeImageContent.Noise);

        Assert.True(noise.Length >= atLeast, $"{format} noise is only {noise.Length} bytes");
        Assert.True(noise.Length > 10 * FakeImages.Create("seed", 1024, 1024, format: format).Length);
    }

    [Fact]
    public void Create_LowerCompression_SmallerJpeg() =>
        Assert.True(FakeImages.Create("s", 256, 256, format: "jpeg", content: FakeImageContent.Noise, compression: 30).Length
            < FakeImages.Create("s", 256, 256, format: "jpeg", content: FakeImageContent.Noise).Length);

    [Fact]
    public void Create_UnknownFormat_Throws() =>
        Assert.Throws<ArgumentException>(() => FakeImages.Create("s", 4, 4, format: "gif"));

    [Fact]
    public void TryReadSize_NotAnImage_False() => Assert.False(FakeImages.TryReadSize("not an image"u8, out _, out _));
}
