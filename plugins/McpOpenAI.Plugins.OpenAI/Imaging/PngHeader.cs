using System.Buffers.Binary;

namespace McpOpenAI.Plugins.OpenAI.Imaging;

/// <summary>The fields of a PNG IHDR chunk.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, int ColorType, int Interlace)
{
    public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"Unknown PNG colour type {ColorType}.") };

    public int BitsPerPixel => Channels * BitDepth;

    public int Stride => ((Width * BitsPerPixel) + 7) / 8;

    public static PngHeader Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length < 13) throw new InvalidDataException("Short IHDR chunk.");
        var header = new PngHeader(BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]), body[8], body[9], body[12]);
        if (header.Width <= 0 || header.Height <= 0 || (long)header.Width * header.Height > 100_000_000)
            throw new InvalidDataException("PNG dimensions out of range.");
        _ = header.Channels;
        return header;
    }
}
