using System.Buffers.Binary;
using System.IO.Hashing;
using SkiaSharp;

namespace McpOpenAI.Kernel.Tests.TestKit;

/// <summary>Checks PNG bytes: signature, every chunk's CRC-32 up to IEND, and that SkiaSharp decodes the whole image at the expected size.</summary>
internal static class PngAssert
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void Valid(byte[] png, int width, int height)
    {
        Assert.True(png.AsSpan().StartsWith(Signature), "not a PNG");
        var offset = Signature.Length;
        var sawEnd = false;
        while (!sawEnd && offset + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            Assert.Equal(Crc32.HashToUInt32(typeAndData), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length)));
            sawEnd = typeAndData.StartsWith("IEND"u8);
            offset += 12 + length;
        }
        Assert.True(sawEnd, "no IEND chunk");
        ImageAssert.Decodes(png, SKEncodedImageFormat.Png, width, height);
    }
}
