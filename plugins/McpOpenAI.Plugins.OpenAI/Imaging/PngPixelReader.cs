namespace McpOpenAI.Plugins.OpenAI.Imaging;

/// <summary>Unfilters the decompressed scanlines of a PNG and expands them to RGBA.</summary>
internal sealed class PngPixelReader(PngHeader header, byte[]? palette, byte[]? transparency)
{
    public RgbaImage Read(Stream scanlines)
    {
        var stride = header.Stride;
        var bpp = Math.Max(1, header.BitsPerPixel / 8);
        var previous = new byte[stride];
        var row = new byte[stride];
        var pixels = new byte[header.Width * header.Height * 4];
        for (var y = 0; y < header.Height; y++)
        {
            var filter = scanlines.ReadByte();
            if (filter < 0) throw new InvalidDataException("Truncated PNG image data.");
            scanlines.ReadExactly(row);
            PngFilters.Unfilter(filter, row, previous, bpp);
            Expand(row, pixels.AsSpan(y * header.Width * 4, header.Width * 4));
            (previous, row) = (row, previous);
        }
        return new RgbaImage(header.Width, header.Height, pixels);
    }

    private void Expand(ReadOnlySpan<byte> row, Span<byte> target)
    {
        for (var x = 0; x < header.Width; x++)
        {
            var o = x * 4;
            switch (header.ColorType)
            {
                case 0:
                    var g = Sample(row, x, 0);
                    target[o] = target[o + 1] = target[o + 2] = Scale(g);
                    target[o + 3] = transparency is { Length: >= 2 } t && g == ((t[0] << 8) | t[1]) ? (byte)0 : (byte)255;
                    break;
                case 2:
                    for (var c = 0; c < 3; c++) target[o + c] = Scale(Sample(row, x, c));
                    target[o + 3] = 255;
                    break;
                case 3:
                    var index = Sample(row, x, 0);
                    if (palette is null || (index * 3) + 2 >= palette.Length) throw new InvalidDataException("PNG palette index out of range.");
                    target[o] = palette[index * 3];
                    target[o + 1] = palette[(index * 3) + 1];
                    target[o + 2] = palette[(index * 3) + 2];
                    target[o + 3] = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
                    break;
                case 4:
                    target[o] = target[o + 1] = target[o + 2] = Scale(Sample(row, x, 0));
                    target[o + 3] = Scale(Sample(row, x, 1));
                    break;
                default:
                    for (var c = 0; c < 4; c++) target[o + c] = Scale(Sample(row, x, c));
                    break;
            }
        }
    }

    private int Sample(ReadOnlySpan<byte> row, int x, int channel)
    {
        var depth = header.BitDepth;
        if (depth == 8) return row[(x * header.Channels) + channel];
        if (depth == 16)
        {
            var i = ((x * header.Channels) + channel) * 2;
            return (row[i] << 8) | row[i + 1];
        }
        var bit = ((x * header.Channels) + channel) * depth;
        return (row[bit / 8] >> (8 - depth - (bit % 8))) & ((1 << depth) - 1);
    }

    private byte Scale(int value) => header.ColorType == 3 ? (byte)value : header.BitDepth switch
    {
        8 => (byte)value,
        16 => (byte)(value >> 8),
        _ => (byte)(value * 255 / ((1 << header.BitDepth) - 1)),
    };
}
