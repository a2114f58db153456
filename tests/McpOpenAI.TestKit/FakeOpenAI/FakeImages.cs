using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Makes the fake's images: real PNG, JPEG or WebP files of the asked size, whose pixels depend only on a seed (the prompt).</summary>
public static class FakeImages
{
    /// <summary>The <c>output_format</c> values the images API accepts.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["png", "jpeg", "webp"];

    /// <summary>An image of <paramref name="width"/> x <paramref name="height"/> encoded as <paramref name="format"/>.</summary>
    /// <param name="seed">Picks the gradient's colours or the noise.</param>
    /// <param name="width">Pixels across.</param>
    /// <param name="height">Pixels down.</param>
    /// <param name="transparent">Every pixel half transparent (alpha 128) instead of opaque; JPEG has no alpha and drops it.</param>
    /// <param name="format">An OpenAI <c>output_format</c>: <c>png</c>, <c>jpeg</c> or <c>webp</c>.</param>
    /// <param name="content">A gradient (small files) or noise (large, hard-to-compress files).</param>
    /// <param name="compression">An OpenAI <c>output_compression</c> for jpeg and webp: the encoder's quality, 0–100.</param>
    /// <exception cref="ArgumentException"><paramref name="format"/> is none of <see cref="Formats"/>.</exception>
    public static byte[] Create(string seed, int width, int height, bool transparent = false, string format = "png",
        FakeImageContent content = FakeImageContent.Gradient, int compression = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Unpremul : SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        if (content == FakeImageContent.Noise) new Random(BinaryPrimitives.ReadInt32LittleEndian(hash)).NextBytes(pixels);
        else Gradient(pixels, width, hash);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = transparent ? (byte)128 : (byte)255;
        using var data = Encode(bitmap, format, compression);
        return data.ToArray();
    }

    /// <summary>Parses <c>WIDTHxHEIGHT</c>; false for <c>auto</c>, null or malformed text.</summary>
    public static bool TryParseSize(string? size, out int width, out int height)
    {
        width = height = 0;
        var parts = size?.Split('x');
        return parts is { Length: 2 } && int.TryParse(parts[0], out width) && int.TryParse(parts[1], out height)
            && width is > 0 and <= 4096 && height is > 0 and <= 4096;
    }

    /// <summary>Reads the width and height of a PNG, JPEG, WebP or GIF from its header; false when the bytes are none.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> image, out int width, out int height)
    {
        var info = SKBitmap.DecodeBounds(image);
        (width, height) = (info.Width, info.Height);
        return width > 0 && height > 0;
    }

    private static void Gradient(Span<byte> pixels, int width, byte[] hash)
    {
        var row = pixels[..(width * 4)];
        for (var x = 0; x < width; x++)
        {
            var t = width == 1 ? 0d : x / (double)(width - 1);
            for (var c = 0; c < 3; c++) row[(x * 4) + c] = (byte)Math.Round(hash[c] + ((hash[c + 3] - hash[c]) * t));
        }
        for (var offset = row.Length; offset < pixels.Length; offset += row.Length) row.CopyTo(pixels[offset..]);
    }

    private static SKData Encode(SKBitmap bitmap, string format, int compression)
    {
        using var pixmap = bitmap.PeekPixels();
        return format switch
        {
            "png" => pixmap.Encode(SKPngEncoderOptions.Default),
            "jpeg" => pixmap.Encode(new SKJpegEncoderOptions(compression, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
            "webp" => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, compression)),
            _ => throw new ArgumentException($"'{format}' is not an output_format; use png, jpeg or webp.", nameof(format)),
        } ?? throw new InvalidOperationException($"SkiaSharp could not encode the image as {format}.");
    }
}
