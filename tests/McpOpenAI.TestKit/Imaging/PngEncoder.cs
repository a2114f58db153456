using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace McpOpenAI.TestKit.Imaging;

/// <summary>
/// Writes small, valid PNG files (8-bit RGBA, no interlace) so fakes can return real image bytes of a given size.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes RGBA pixels (row-major, 4 bytes a pixel) as a PNG.</summary>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgba)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (rgba.Length != checked(width * height * 4))
            throw new ArgumentException("Expected width * height * 4 bytes of RGBA.", nameof(rgba));

        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA
        WriteChunk(output, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                var stride = width * 4;
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(rgba.Slice(y * stride, stride));
                }
            }
            WriteChunk(output, "IDAT", compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A left-to-right gradient between two colours, opaque unless <paramref name="transparent"/>.</summary>
    public static byte[] Gradient(int width, int height, (byte R, byte G, byte B) from, (byte R, byte G, byte B) to, bool transparent = false)
    {
        var pixels = new byte[checked(width * height * 4)];
        var row = new byte[width * 4];
        for (var x = 0; x < width; x++)
        {
            var t = width == 1 ? 0d : x / (double)(width - 1);
            row[x * 4] = Lerp(from.R, to.R, t);
            row[(x * 4) + 1] = Lerp(from.G, to.G, t);
            row[(x * 4) + 2] = Lerp(from.B, to.B, t);
            row[(x * 4) + 3] = transparent ? (byte)128 : (byte)255;
        }
        for (var y = 0; y < height; y++)
            row.CopyTo(pixels, y * row.Length);
        return Encode(width, height, pixels);
    }

    /// <summary>Reads the width and height from a PNG's header; false when the bytes are not a PNG.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> png, out int width, out int height)
    {
        width = height = 0;
        if (png.Length < 24 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
            return false;
        width = BinaryPrimitives.ReadInt32BigEndian(png[16..]);
        height = BinaryPrimitives.ReadInt32BigEndian(png[20..]);
        return width > 0 && height > 0;
    }

    private static byte Lerp(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t));

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        output.Write(buffer);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32.Compute(data, Crc32.Compute(typeBytes));
        BinaryPrimitives.WriteUInt32BigEndian(buffer, crc);
        output.Write(buffer);
    }
}
