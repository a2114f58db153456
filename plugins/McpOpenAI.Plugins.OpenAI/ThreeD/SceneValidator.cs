using System.Globalization;
using System.Numerics;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// Checks the model's scene and turns it into a <see cref="Scene"/>: limits on counts, finite numbers, vectors of the
/// right length, indices in range, non-zero scales and rotations; colours are clamped to 0..1. Anything unusable is an
/// <c>upstream_error</c> that says what was wrong.
/// </summary>
internal static class SceneValidator
{
    private static readonly SceneMaterial Default = new("default", new Vector4(0.8f, 0.8f, 0.8f, 1), 0, 0.5f, Vector3.Zero);

    public static Scene Check(SceneSpec spec, int segments)
    {
        var nodes = spec.Nodes ?? [];
        if (nodes.Count == 0) throw UnusableScene.Error("it has no nodes.");
        if (nodes.Count > SceneLimits.MaxNodes) throw UnusableScene.Error($"it has {nodes.Count} nodes; at most {SceneLimits.MaxNodes} are allowed.");
        var specs = spec.Materials ?? [];
        if (specs.Count > SceneLimits.MaxMaterials) throw UnusableScene.Error($"it has {specs.Count} materials; at most {SceneLimits.MaxMaterials} are allowed.");
        var materials = specs.Select((m, i) => Material(m, i)).ToList();

        var meshes = new List<SceneMesh>();
        var shared = new Dictionary<(string, int), int>();
        var checkedNodes = new List<SceneNode>();
        long vertices = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var where = $"nodes[{i}]";
            var name = Name(node.Name, $"node{i}");
            var shape = node.Shape?.Trim().ToLowerInvariant() ?? "";
            if (!SceneSchema.Shapes.Contains(shape)) throw UnusableScene.Error($"{where}.shape '{node.Shape}' is not one of {string.Join(", ", SceneSchema.Shapes)}.");
            var material = MaterialIndex(node.Material, materials, specs.Count, where);
            int meshIndex;
            if (shape == "mesh")
            {
                meshIndex = meshes.Count;
                meshes.Add(new SceneMesh(name, shape, RawMesh(node.Mesh, where), material));
            }
            else if (!shared.TryGetValue((shape, material), out meshIndex))
            {
                meshIndex = shared[(shape, material)] = meshes.Count;
                meshes.Add(new SceneMesh($"{shape}-{materials[material].Name}", shape, Primitives.Create(shape, segments), material));
            }
            vertices += meshes[meshIndex].Geometry.VertexCount;
            if (vertices > SceneLimits.MaxTotalVertices) throw UnusableScene.Error($"it has more than {SceneLimits.MaxTotalVertices} vertices.");
            var t = Vector(node.Translation, 3, $"{where}.translation", 0);
            checkedNodes.Add(new SceneNode(name, meshIndex, new Vector3(t[0], t[1], t[2]), Rotation(node, where), Scale(node.Scale, where)));
        }
        return new Scene(Name(spec.Name, "model"), spec.Description?.Trim() ?? "", materials, meshes, checkedNodes);
    }

    // A node without a material gets a plain grey one, added after the declared materials the first time it is needed.
    private static int MaterialIndex(int? index, List<SceneMaterial> materials, int declared, string where)
    {
        if (index is null)
        {
            if (materials.Count == declared) materials.Add(Default);
            return declared;
        }
        if (index < 0 || index >= declared) throw UnusableScene.Error($"{where}.material {index} is not an index into the {declared} materials.");
        return index.Value;
    }

    private static SceneMaterial Material(SceneMaterialSpec spec, int i)
    {
        var color = Vector(spec.BaseColor, 4, $"materials[{i}].base_color", 1, allowRgb: true);
        var emissive = Vector(spec.Emissive, 3, $"materials[{i}].emissive", 0);
        return new SceneMaterial(Name(spec.Name, $"material{i}"), Vector4.Clamp(new Vector4(color[0], color[1], color[2], color[3]), Vector4.Zero, Vector4.One),
            Unit(spec.Metallic, 0, $"materials[{i}].metallic"), Unit(spec.Roughness, 0.5, $"materials[{i}].roughness"),
            Vector3.Clamp(new Vector3(emissive[0], emissive[1], emissive[2]), Vector3.Zero, Vector3.One));
    }

    private static MeshData RawMesh(SceneMeshSpec? spec, string where)
    {
        if (spec?.Positions is not { Length: > 0 } positions) throw UnusableScene.Error($"{where} has shape 'mesh' but no mesh positions.");
        if (positions.Length % 3 != 0) throw UnusableScene.Error($"{where}.mesh.positions has {positions.Length} numbers, not a multiple of 3.");
        if (positions.Length / 3 > SceneLimits.MaxMeshVertices) throw UnusableScene.Error($"{where}.mesh has {positions.Length / 3} vertices; at most {SceneLimits.MaxMeshVertices} are allowed.");
        var indices = spec.Indices ?? [];
        if (indices.Length == 0 || indices.Length % 3 != 0) throw UnusableScene.Error($"{where}.mesh.indices has {indices.Length} entries; it needs a positive multiple of 3 (one triple per triangle).");
        if (indices.Length > SceneLimits.MaxMeshIndices) throw UnusableScene.Error($"{where}.mesh has {indices.Length} indices; at most {SceneLimits.MaxMeshIndices} are allowed.");
        var count = positions.Length / 3;
        var points = Floats(positions, $"{where}.mesh.positions");
        var kept = new List<uint>(indices.Length);
        for (var t = 0; t < indices.Length; t += 3)
        {
            var (a, b, c) = (indices[t], indices[t + 1], indices[t + 2]);
            foreach (var index in (long[])[a, b, c])
            {
                if (index < 0 || index >= count) throw UnusableScene.Error($"{where}.mesh.indices has {index}, outside 0..{count - 1}.");
            }
            if (a != b && b != c && a != c) kept.AddRange([(uint)a, (uint)b, (uint)c]);
        }
        if (kept.Count == 0) throw UnusableScene.Error($"{where}.mesh has only degenerate triangles.");
        float[]? normals = spec.Normals is { Length: > 0 } given && given.Length == positions.Length ? Floats(given, $"{where}.mesh.normals", 1e6) : null;
        var index32 = kept.ToArray();
        return new MeshData(points, MeshNormals.Complete(points, index32, normals), index32);
    }

    private static Quaternion Rotation(SceneNodeSpec node, string where)
    {
        if (node.Rotation is { Length: > 0 } q)
        {
            var v = Vector(q, 4, $"{where}.rotation", 0);
            var quaternion = new Quaternion(v[0], v[1], v[2], v[3]);
            if (!(quaternion.Length() > 1e-6f)) throw UnusableScene.Error($"{where}.rotation is a zero quaternion.");
            return Quaternion.Normalize(quaternion);
        }
        if (node.RotationEulerDegrees is { Length: > 0 } e)
        {
            var d = Vector(e, 3, $"{where}.rotation_euler_degrees", 0);
            const float radians = MathF.PI / 180;
            // X first, then Y, then Z (q = qz · qy · qx).
            var x = Quaternion.CreateFromAxisAngle(Vector3.UnitX, d[0] * radians);
            var y = Quaternion.CreateFromAxisAngle(Vector3.UnitY, d[1] * radians);
            var z = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, d[2] * radians);
            return Quaternion.Normalize(z * y * x);
        }
        return Quaternion.Identity;
    }

    private static Vector3 Scale(double[]? value, string where)
    {
        var s = Vector(value, 3, $"{where}.scale", 1);
        if (s.Any(c => MathF.Abs(c) < 1e-6f)) throw UnusableScene.Error($"{where}.scale has a zero component; every axis needs a size.");
        return new Vector3(s[0], s[1], s[2]);
    }

    // A vector of exactly n finite numbers; null/empty means every component is fallback. RGB is accepted for RGBA (alpha 1).
    private static float[] Vector(double[]? value, int n, string where, float fallback, bool allowRgb = false)
    {
        if (value is null || value.Length == 0) return Enumerable.Repeat(fallback, n).ToArray();
        if (allowRgb && value.Length == n - 1) value = [.. value, 1];
        if (value.Length != n) throw UnusableScene.Error($"{where} has {value.Length} numbers; it needs {n}.");
        return Floats(value, where);
    }

    private static float[] Floats(double[] values, string where, double limit = SceneLimits.MaxCoordinate)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || Math.Abs(values[i]) > limit)
                throw UnusableScene.Error($"{where}[{i}] is {values[i].ToString(CultureInfo.InvariantCulture)}; numbers must be finite and within ±{limit.ToString(CultureInfo.InvariantCulture)}.");
            result[i] = (float)values[i];
        }
        return result;
    }

    private static float Unit(double? value, double fallback, string where)
    {
        var v = value ?? fallback;
        if (!double.IsFinite(v)) throw UnusableScene.Error($"{where} is not a finite number.");
        return (float)Math.Clamp(v, 0, 1);
    }

    private static string Name(string? value, string fallback)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return fallback;
        var clean = new string(trimmed.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length <= SceneLimits.MaxNameLength ? clean : clean[..SceneLimits.MaxNameLength];
    }
}
