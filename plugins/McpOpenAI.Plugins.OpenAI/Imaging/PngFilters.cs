namespace McpOpenAI.Plugins.OpenAI.Imaging;

/// <summary>The PNG scanline filters (none, sub, up, average, Paeth).</summary>
internal static class PngFilters
{
    public static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Reverses the filter of one scanline in place; <paramref name="bpp"/> is bytes a pixel (at least 1).</summary>
    public static void Unfilter(int type, Span<byte> row, ReadOnlySpan<byte> previous, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
            row[i] = type switch
            {
                0 => row[i],
                1 => (byte)(row[i] + a),
                2 => (byte)(row[i] + b),
                3 => (byte)(row[i] + ((a + b) >> 1)),
                4 => (byte)(row[i] + Paeth(a, b, c)),
                _ => throw new InvalidDataException($"Unknown PNG filter type {type}."),
            };
        }
    }
}
