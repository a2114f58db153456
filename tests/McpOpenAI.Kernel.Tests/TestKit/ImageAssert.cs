using SkiaSharp;

namespace McpOpenAI.Kernel.Tests.TestKit;

/// <summary>Checks that image bytes are a complete image of a format and size, by decoding every pixel with SkiaSharp.</summary>
internal static class ImageAssert
{
    public static void Decodes(byte[] image, SKEncodedImageFormat format, int width, int height)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        Assert.NotNull(codec);
        Assert.Equal(format, codec.EncodedFormat);
        Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
        using var bitmap = new SKBitmap(codec.Info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(codec.Info, bitmap.GetPixels()));
    }
}
