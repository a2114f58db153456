namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The numeric codes glTF 2.0 uses (WebGL enums).</summary>
internal static class GltfConstants
{
    public const int UnsignedShort = 5123;
    public const int UnsignedInt = 5125;
    public const int Float = 5126;
    public const int ArrayBuffer = 34962;
    public const int ElementArrayBuffer = 34963;

    /// <summary>GLB: the header magic "glTF", the JSON chunk type and the BIN chunk type (little-endian).</summary>
    public const uint GlbMagic = 0x46546C67;
    public const uint ChunkJson = 0x4E4F534A;
    public const uint ChunkBin = 0x004E4942;
}
