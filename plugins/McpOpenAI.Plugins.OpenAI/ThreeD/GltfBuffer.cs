using System.Buffers.Binary;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>Builds glTF's single binary buffer: one buffer view per accessor, each starting on a 4-byte boundary.</summary>
internal sealed class GltfBuffer
{
    private readonly MemoryStream _bytes = new();
    private readonly List<GltfBufferView> _views = [];
    private readonly List<GltfAccessor> _accessors = [];

    public IReadOnlyList<GltfBufferView> Views => _views;

    public IReadOnlyList<GltfAccessor> Accessors => _accessors;

    /// <summary>The buffer; its length is a multiple of 4.</summary>
    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>Adds VEC3 floats (positions with min/max, or normals) as a vertex attribute; returns the accessor index.</summary>
    public int AddVec3(float[] values, bool withBounds)
    {
        var data = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), values[i]);
        var view = AddView(data, GltfConstants.ArrayBuffer);
        float[]? min = null, max = null;
        if (withBounds)
        {
            min = [float.MaxValue, float.MaxValue, float.MaxValue];
            max = [float.MinValue, float.MinValue, float.MinValue];
            for (var i = 0; i < values.Length; i++)
            {
                min[i % 3] = Math.Min(min[i % 3], values[i]);
                max[i % 3] = Math.Max(max[i % 3], values[i]);
            }
        }
        return AddAccessor(new GltfAccessor(view, GltfConstants.Float, values.Length / 3, "VEC3", min, max));
    }

    /// <summary>Adds triangle indices: unsigned short when every index fits below the restart value 65535, else unsigned int.</summary>
    public int AddIndices(uint[] indices, int vertexCount)
    {
        var small = vertexCount <= ushort.MaxValue;
        var data = new byte[indices.Length * (small ? 2 : 4)];
        for (var i = 0; i < indices.Length; i++)
        {
            if (small) BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(i * 2), (ushort)indices[i]);
            else BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(i * 4), indices[i]);
        }
        var view = AddView(data, GltfConstants.ElementArrayBuffer);
        return AddAccessor(new GltfAccessor(view, small ? GltfConstants.UnsignedShort : GltfConstants.UnsignedInt, indices.Length, "SCALAR"));
    }

    private int AddView(byte[] data, int target)
    {
        var offset = (int)_bytes.Length;
        _bytes.Write(data);
        while (_bytes.Length % 4 != 0) _bytes.WriteByte(0);
        _views.Add(new GltfBufferView(offset, data.Length, target));
        return _views.Count - 1;
    }

    private int AddAccessor(GltfAccessor accessor)
    {
        _accessors.Add(accessor);
        return _accessors.Count - 1;
    }
}
