using System.Buffers.Binary;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>Packs glTF JSON and its binary buffer into a GLB: header (magic, version 2, length), JSON chunk, BIN chunk, each 4-byte aligned.</summary>
internal static class GlbContainer
{
    public static byte[] Pack(byte[] json, byte[] bin)
    {
        var jsonLength = Align(json.Length);
        var binLength = Align(bin.Length);
        var total = 12 + 8 + jsonLength + (bin.Length > 0 ? 8 + binLength : 0);
        var glb = new byte[total];
        var span = glb.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, GltfConstants.GlbMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)total);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)jsonLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], GltfConstants.ChunkJson);
        json.CopyTo(span[20..]);
        span.Slice(20 + json.Length, jsonLength - json.Length).Fill((byte)' ');
        if (bin.Length > 0)
        {
            var at = 20 + jsonLength;
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)binLength);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], GltfConstants.ChunkBin);
            bin.CopyTo(span[(at + 8)..]);
        }
        return glb;
    }

    private static int Align(int length) => (length + 3) & ~3;
}
