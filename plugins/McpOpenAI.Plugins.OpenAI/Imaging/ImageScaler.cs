namespace McpOpenAI.Plugins.OpenAI.Imaging;

/// <summary>Downscales an <see cref="RgbaImage"/> by area averaging (a box filter), which keeps detail without aliasing.</summary>
internal static class ImageScaler
{
    public static RgbaImage Resize(RgbaImage source, int width, int height)
    {
        width = Math.Clamp(width, 1, source.Width);
        height = Math.Clamp(height, 1, source.Height);
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var y0 = (int)((long)y * source.Height / height);
            var y1 = Math.Max(y0 + 1, (int)((long)(y + 1) * source.Height / height));
            for (var x = 0; x < width; x++)
            {
                var x0 = (int)((long)x * source.Width / width);
                var x1 = Math.Max(x0 + 1, (int)((long)(x + 1) * source.Width / width));
                long r = 0, g = 0, b = 0, a = 0, n = 0;
                for (var sy = y0; sy < y1; sy++)
                {
                    var i = ((sy * source.Width) + x0) * 4;
                    for (var sx = x0; sx < x1; sx++, i += 4)
                    {
                        r += source.Pixels[i];
                        g += source.Pixels[i + 1];
                        b += source.Pixels[i + 2];
                        a += source.Pixels[i + 3];
                        n++;
                    }
                }
                var o = ((y * width) + x) * 4;
                pixels[o] = (byte)(r / n);
                pixels[o + 1] = (byte)(g / n);
                pixels[o + 2] = (byte)(b / n);
                pixels[o + 3] = (byte)(a / n);
            }
        }
        return new RgbaImage(width, height, pixels);
    }
}
