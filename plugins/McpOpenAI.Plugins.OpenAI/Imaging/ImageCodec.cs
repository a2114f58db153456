using SkiaSharp;

namespace McpOpenAI.Plugins.OpenAI.Imaging;

/// <summary>Reads, decodes, downscales and encodes images (PNG, JPEG, WebP, GIF) with SkiaSharp.</summary>
internal static class ImageCodec
{
    // Far beyond any image OpenAI makes: a header claiming more is a decompression bomb, not worth the memory.
    private const long MaxPixels = 100_000_000;

    // Bilinear between linearly blended mipmap levels: when shrinking by a large factor every source pixel still
    // counts, so fine detail turns into its average instead of moiré (bicubic alone reads 4x4 pixels and aliases).
    private static readonly SKSamplingOptions Downscaling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Width and height from the header alone; false when the bytes are not an image SkiaSharp reads.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> data, out int width, out int height)
    {
        var info = SKBitmap.DecodeBounds(data);
        (width, height) = (info.Width, info.Height);
        return width > 0 && height > 0;
    }

    /// <summary>The image as 8-bit RGBA (premultiplied unless opaque), or null when it is not a complete image SkiaSharp decodes.</summary>
    public static SKBitmap? Decode(byte[] data)
    {
        using var encoded = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(encoded);
        if (codec is null) return null;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels) return null;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap();
        // A truncated file decodes "incompletely" with the rest left blank: that is a broken image, not a preview.
        if (bitmap.TryAllocPixels(info) && codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>True when some pixel of a bitmap from <see cref="Decode"/> is not fully opaque.</summary>
    public static bool HasTransparency(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque) return false;
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255) return true;
        }
        return false;
    }

    /// <summary>The bitmap scaled to <paramref name="width"/> x <paramref name="height"/>, or null when SkiaSharp cannot.</summary>
    public static SKBitmap? Resize(SKBitmap source, int width, int height) => source.Resize(source.Info.WithSize(width, height), Downscaling);

    /// <summary>PNG bytes (every filter tried, zlib level 9: previews are small, so the slower search pays), or null on failure.</summary>
    public static byte[]? EncodePng(SKBitmap bitmap) => Encode(bitmap, p => p.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9)));

    /// <summary>JPEG bytes at <paramref name="quality"/> (0–100) with 4:2:0 chroma, alpha ignored, or null on failure.</summary>
    public static byte[]? EncodeJpeg(SKBitmap bitmap, int quality) =>
        Encode(bitmap, p => p.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)));

    private static byte[]? Encode(SKBitmap bitmap, Func<SKPixmap, SKData?> encode)
    {
        using var pixmap = bitmap.PeekPixels();
        if (pixmap is null) return null;
        using var data = encode(pixmap);
        return data?.ToArray();
    }
}
