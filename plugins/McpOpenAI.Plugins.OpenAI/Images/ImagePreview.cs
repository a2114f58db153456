using McpOpenAI.Plugins.OpenAI.Imaging;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Makes the image a result shows: the original when it fits the byte limit, else a downscaled PNG of the same aspect ratio.</summary>
internal static class ImagePreview
{
    /// <summary>The preview bytes and type, or null when none fits (a non-PNG too large to re-encode here).</summary>
    public static (byte[] Bytes, ImageFileType Type)? Create(byte[] original, ImageFileType type, int limit)
    {
        if (original.Length <= limit) return (original, type);
        if (type != ImageFileType.Png || limit < 1024) return null;
        RgbaImage image;
        try
        {
            image = PngDecoder.Decode(original);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            return null;
        }
        var scale = Math.Sqrt((double)limit / original.Length);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var width = Math.Max(1, (int)Math.Round(image.Width * scale));
            var height = Math.Max(1, (int)Math.Round(image.Height * scale));
            var encoded = PngEncoder.Encode(ImageScaler.Resize(image, width, height));
            if (encoded.Length <= limit) return (encoded, ImageFileType.Png);
            scale *= Math.Max(0.3, Math.Sqrt((double)limit / encoded.Length) * 0.9);
        }
        return null;
    }
}
