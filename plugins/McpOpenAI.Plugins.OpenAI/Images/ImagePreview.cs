using McpOpenAI.Plugins.OpenAI.Imaging;
using SkiaSharp;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>
/// Makes the image a result shows: the original when it fits the byte limit, else a downscaled copy of the same aspect
/// ratio that does. PNG, JPEG, WebP and GIF originals all get one; an image that does not decode gets none.
/// </summary>
internal static class ImagePreview
{
    /// <summary>High enough that a render or photo shows no visible blocking, low enough to keep many pixels.</summary>
    internal const int JpegQuality = 85;

    /// <summary>The preview bytes and type, or null when none fits (a limit under 1 KiB, or an image that does not decode).</summary>
    public static (byte[] Bytes, ImageFileType Type)? Create(byte[] original, ImageFileType type, int limit)
    {
        if (original.Length <= limit) return (original, type);
        if (limit < 1024) return null;
        using var image = ImageCodec.Decode(original);
        if (image is null) return null;
        // The encoding: PNG when some pixel is transparent, because JPEG has no alpha and PNG is the transparent format
        // every MCP client shows. Otherwise JPEG, 5-20x smaller than PNG for renders and photos, so far more pixels fit
        // (WebP is smaller still, but not every client draws it) — unless the original is a PNG already smaller than
        // its JPEG: flat graphics (diagrams, logos, text) stay PNG, smaller and sharper.
        var png = ImageCodec.HasTransparency(image);
        var fullSize = original.Length;
        if (!png)
        {
            var jpeg = ImageCodec.EncodeJpeg(image, JpegQuality);
            if (jpeg is null) return null;
            if (jpeg.Length <= limit) return (jpeg, ImageFileType.Jpeg);
            png = type == ImageFileType.Png && original.Length < jpeg.Length;
            fullSize = png ? original.Length : jpeg.Length;
        }
        // Both formats' sizes fall about with the pixel count, so aim at the ratio and correct by what each try weighs.
        var scale = Math.Sqrt((double)limit / fullSize);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var width = Math.Max(1, (int)Math.Round(image.Width * scale));
            var height = Math.Max(1, (int)Math.Round(image.Height * scale));
            var encoded = Encode(image, width, height, png);
            if (encoded is null) return null;
            if (encoded.Length <= limit) return (encoded, png ? ImageFileType.Png : ImageFileType.Jpeg);
            scale *= Math.Clamp(Math.Sqrt((double)limit / encoded.Length) * 0.9, 0.3, 0.9);
        }
        return null;
    }

    private static byte[]? Encode(SKBitmap image, int width, int height, bool png)
    {
        using var scaled = ImageCodec.Resize(image, width, height);
        if (scaled is null) return null;
        return png ? ImageCodec.EncodePng(scaled) : ImageCodec.EncodeJpeg(scaled, JpegQuality);
    }
}
