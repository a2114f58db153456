using McpOpenAI.Plugins.OpenAI.Imaging;
using McpOpenAI.TestKit.FakeOpenAI;
using SkiaSharp;

namespace McpOpenAI.Plugins.OpenAI.Tests.Imaging;

public sealed class ImageCodecTests
{
    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public void TryReadSize_EachFormat_HeaderSize(string format)
    {
        Assert.True(ImageCodec.TryReadSize(FakeImages.Create("s", 40, 24, format: format), out var width, out var height));
        Assert.Equal((40, 24), (width, height));
    }

    [Fact]
    public void TryReadSize_NotAnImage_False() => Assert.False(ImageCodec.TryReadSize("hello"u8, out _, out _));

    [Fact]
    public void Decode_TransparentPng_PremultipliedWithAlpha()
    {
        using var bitmap = ImageCodec.Decode(FakeImages.Create("s", 40, 20, transparent: true));

        Assert.NotNull(bitmap);
        Assert.Equal((40, 20), (bitmap.Width, bitmap.Height));
        Assert.Equal(SKAlphaType.Premul, bitmap.AlphaType);
        Assert.True(ImageCodec.HasTransparency(bitmap));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    public void HasTransparency_OpaqueImage_False(string format)
    {
        using var bitmap = ImageCodec.Decode(FakeImages.Create("s", 40, 20, format: format));

        Assert.NotNull(bitmap);
        Assert.False(ImageCodec.HasTransparency(bitmap));
    }

    [Fact]
    public void Resize_FineStripesShrunkEightfold_EvenGreyWithoutMoire()
    {
        using var stripes = new SKBitmap(new SKImageInfo(512, 512, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < 512; y++)
        {
            for (var x = 0; x < 512; x++) stripes.SetPixel(x, y, x % 2 == 0 ? SKColors.Black : SKColors.White);
        }

        using var small = ImageCodec.Resize(stripes, 64, 64);

        Assert.NotNull(small);
        Assert.Equal((64, 64), (small.Width, small.Height));
        Assert.All(Enumerable.Range(0, 64), x => Assert.InRange(small.GetPixel(x, 32).Red, 96, 160));
    }
}
