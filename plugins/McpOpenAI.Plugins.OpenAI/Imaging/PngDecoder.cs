using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace McpOpenAI.Plugins.OpenAI.Imaging;

/// <summary>
/// Decodes non-interlaced PNGs of every colour type (grey, RGB, palette, grey+alpha, RGBA) at 1–16 bits into
/// <see cref="RgbaImage"/>. Interlaced files are refused with <see cref="NotSupportedException"/>.
/// </summary>
internal static class PngDecoder
{
    public static bool IsPng(ReadOnlySpan<byte> data) => data.Length >= 8 && data[..8].SequenceEqual(PngChunks.Signature);

    /// <summary>Reads width and height from the header; false when the bytes are not a PNG.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        if (data.Length < 24 || !IsPng(data) || !data.Slice(12, 4).SequenceEqual("IHDR"u8)) return false;
        width = BinaryPrimitives.ReadInt32BigEndian(data[16..]);
        height = BinaryPrimitives.ReadInt32BigEndian(data[20..]);
        return width > 0 && height > 0;
    }

    public static RgbaImage Decode(byte[] data)
    {
        if (!IsPng(data)) throw new InvalidDataException("Not a PNG file.");
        var header = default(PngHeader);
        byte[]? palette = null, transparency = null;
        using var idat = new MemoryStream();
        for (var pos = 8; pos + 8 <= data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            var type = Encoding.ASCII.GetString(data, pos + 4, 4);
            if (length < 0 || pos + 12 + length > data.Length) throw new InvalidDataException("Truncated PNG chunk.");
            var body = data.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR": header = PngHeader.Parse(body); break;
                case "PLTE": palette = body.ToArray(); break;
                case "tRNS": transparency = body.ToArray(); break;
                case "IDAT": idat.Write(body); break;
            }
            pos += 12 + length;
            if (type == "IEND") break;
        }
        if (header.Width <= 0) throw new InvalidDataException("PNG has no IHDR chunk.");
        if (header.Interlace != 0) throw new NotSupportedException("Interlaced PNGs are not supported.");
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        return new PngPixelReader(header, palette, transparency).Read(zlib);
    }
}
