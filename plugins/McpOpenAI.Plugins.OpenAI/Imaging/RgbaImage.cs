namespace McpOpenAI.Plugins.OpenAI.Imaging;

/// <summary>An 8-bit RGBA bitmap, row-major, 4 bytes a pixel.</summary>
internal sealed class RgbaImage
{
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height * 4) throw new ArgumentException("Expected width * height * 4 bytes.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    /// <summary>True when any pixel is not fully opaque.</summary>
    public bool HasAlpha()
    {
        for (var i = 3; i < Pixels.Length; i += 4)
        {
            if (Pixels[i] != 255) return true;
        }
        return false;
    }
}
