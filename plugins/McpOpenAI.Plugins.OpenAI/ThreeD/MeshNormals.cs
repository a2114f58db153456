using System.Numerics;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>Normals for a raw triangle mesh: the given ones made unit length, or smooth ones from the faces.</summary>
internal static class MeshNormals
{
    /// <summary>Unit normals per vertex: <paramref name="given"/> where it has a usable one, else the area-weighted face normals.</summary>
    public static float[] Complete(float[] positions, uint[] indices, float[]? given)
    {
        var count = positions.Length / 3;
        var computed = Smooth(positions, indices);
        var result = new float[count * 3];
        for (var i = 0; i < count; i++)
        {
            var n = given is not null && given.Length == positions.Length ? new Vector3(given[3 * i], given[3 * i + 1], given[3 * i + 2]) : Vector3.Zero;
            if (!(n.LengthSquared() > 1e-12f)) n = computed[i];
            n = Vector3.Normalize(n);
            (result[3 * i], result[3 * i + 1], result[3 * i + 2]) = (n.X, n.Y, n.Z);
        }
        return result;
    }

    private static Vector3[] Smooth(float[] positions, uint[] indices)
    {
        var sums = new Vector3[positions.Length / 3];
        Vector3 At(uint i) => new(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
        for (var t = 0; t + 2 < indices.Length; t += 3)
        {
            var (a, b, c) = (indices[t], indices[t + 1], indices[t + 2]);
            var face = Vector3.Cross(At(b) - At(a), At(c) - At(a));
            sums[a] += face;
            sums[b] += face;
            sums[c] += face;
        }
        for (var i = 0; i < sums.Length; i++)
        {
            if (!(sums[i].LengthSquared() > 1e-20f)) sums[i] = Vector3.UnitY;
        }
        return sums;
    }
}
