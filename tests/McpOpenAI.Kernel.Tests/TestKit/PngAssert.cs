using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using McpOpenAI.TestKit.Imaging;

namespace McpOpenAI.Kernel.Tests.TestKit;

/// <summary>Checks PNG bytes structurally: signature, chunk CRCs, and that IDAT inflates to the right size.</summary>
internal static class PngAssert
{
    public static void Valid(byte[] png, int width, int height)
    {
        Assert.True(PngEncoder.TryReadSize(png, out var w, out var h), "not a PNG");
        Assert.Equal((width, height), (w, h));
        using var idat = new MemoryStream();
        var offset = 8;
        var sawEnd = false;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32.Compute(png.AsSpan(offset + 4, 4 + length)), crc);
            if (type == "IDAT") idat.Write(png, offset + 8, length);
            sawEnd |= type == "IEND";
            offset += 12 + length;
        }
        Assert.True(sawEnd);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        Assert.Equal(height * ((width * 4) + 1), inflated.Length);
    }
}
