using System.Buffers.Binary;
using System.IO.Compression;

namespace McpOpenAI.Plugins.OpenAI.Imaging;

/// <summary>Encodes an <see cref="RgbaImage"/> as an 8-bit PNG (RGB when opaque, RGBA otherwise), Paeth-filtered.</summary>
internal static class PngEncoder
{
    public static byte[] Encode(RgbaImage image)
    {
        var alpha = image.HasAlpha();
        var channels = alpha ? 4 : 3;
        using var output = new MemoryStream();
        output.Write(PngChunks.Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8;
        header[9] = (byte)(alpha ? 6 : 2);
        PngChunks.Write(output, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var stride = image.Width * channels;
                var previous = new byte[stride];
                var current = new byte[stride];
                var filtered = new byte[stride + 1];
                filtered[0] = 4; // Paeth
                for (var y = 0; y < image.Height; y++)
                {
                    var row = y * image.Width * 4;
                    for (var x = 0; x < image.Width; x++)
                    {
                        for (var c = 0; c < channels; c++)
                            current[(x * channels) + c] = image.Pixels[row + (x * 4) + c];
                    }
                    for (var i = 0; i < stride; i++)
                    {
                        var a = i >= channels ? current[i - channels] : 0;
                        var c = i >= channels ? previous[i - channels] : 0;
                        filtered[i + 1] = (byte)(current[i] - PngFilters.Paeth(a, previous[i], c));
                    }
                    zlib.Write(filtered);
                    (previous, current) = (current, previous);
                }
            }
            PngChunks.Write(output, "IDAT", compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }
        PngChunks.Write(output, "IEND", []);
        return output.ToArray();
    }
}
