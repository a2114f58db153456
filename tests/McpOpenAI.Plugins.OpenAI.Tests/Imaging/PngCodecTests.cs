using McpOpenAI.Plugins.OpenAI.Images;
using McpOpenAI.Plugins.OpenAI.Imaging;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Plugins.OpenAI.Tests.Imaging;

public sealed class PngCodecTests
{
    [Fact]
    public void Decode_TestKitPng_ReadsSizeAndPixels()
    {
        var png = FakeImages.Create("seed", 40, 20, transparent: true);

        var image = PngDecoder.Decode(png);

        Assert.Equal((40, 20), (image.Width, image.Height));
        Assert.Equal(128, image.Pixels[3]);
    }

    [Fact]
    public void EncodeThenDecode_RoundTrip_KeepsPixels()
    {
        var original = PngDecoder.Decode(FakeImages.Create("x", 33, 17));

        var again = PngDecoder.Decode(PngEncoder.Encode(original));

        Assert.Equal(original.Pixels, again.Pixels);
    }

    [Fact]
    public void Resize_Downscale_KeepsAspectAndAverages()
    {
        var source = new RgbaImage(4, 2, [.. Enumerable.Repeat((byte)200, 32)]);

        var scaled = ImageScaler.Resize(source, 2, 1);

        Assert.Equal((2, 1), (scaled.Width, scaled.Height));
        Assert.All(scaled.Pixels, b => Assert.Equal(200, b));
    }

    [Fact]
    public void Preview_LargerThanLimit_IsValidPngUnderLimitWithSameAspect()
    {
        var png = FakeImages.Create("big", 1536, 1024);

        var preview = ImagePreview.Create(png, ImageFileType.Png, 3000);

        Assert.NotNull(preview);
        Assert.True(preview.Value.Bytes.Length <= 3000);
        var decoded = PngDecoder.Decode(preview.Value.Bytes);
        Assert.InRange(decoded.Width / (double)decoded.Height, 1.45, 1.55);
    }

    [Fact]
    public void Preview_Jpeg_TooLarge_ReturnsNull()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, .. new byte[5000]];

        Assert.Null(ImagePreview.Create(jpeg, ImageFileType.Jpeg, 1000));
    }
}
