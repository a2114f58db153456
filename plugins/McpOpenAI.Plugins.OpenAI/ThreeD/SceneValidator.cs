using System.Globalization;
using System.Numerics;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// Checks the model's scene and turns it into a <see cref="Scene"/>: limits on counts (from <see cref="SceneLimits"/>),
/// finite numbers, vectors of the right length, indices in range, non-zero scales and rotations; colours are clamped to
/// 0..1. Anything unusable is an <see cref="UnusableSceneException"/> that says what was wrong and what to change. An
/// answer that matches <see cref="SceneSchema"/> can only fail the rules listed there as checked after generation.
/// </summary>
internal static class SceneValidator
{
    private static readonly SceneMaterial Default = new("default", new Vector4(0.8f, 0.8f, 0.8f, 1), 0, 0.5f, Vector3.Zero);

    public static Scene Check(SceneSpec spec, int segments)
    {
        var nodes = spec.Nodes ?? [];
        if (nodes.Count == 0) throw new UnusableSceneException("it has no nodes; give at least one part in nodes.");
        if (nodes.Count > SceneLimits.MaxNodes) throw new UnusableSceneException($"it has {nodes.Count} nodes; at most {SceneLimits.MaxNodes} are allowed, so merge or drop parts.");
        var specs = spec.Materials ?? [];
        if (specs.Count > SceneLimits.MaxMaterials) throw new UnusableSceneException($"it has {specs.Count} materials; at most {SceneLimits.MaxMaterials} are allowed, so share materials between parts.");
        var materials = specs.Select((m, i) => Material(m, i)).ToList();

        var meshes = new List<SceneMesh>();
        var shared = new Dictionary<(string, int), int>();
        var checkedNodes = new List<SceneNode>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var where = $"nodes[{i}]";
            var name = Name(node.Name, $"node{i}");
            var shape = node.Shape?.Trim().ToLowerInvariant() ?? "";
            if (!SceneSchema.Shapes.Contains(shape)) throw new UnusableSceneException($"{where}.shape '{node.Shape}' is not a shape; use one of {string.Join(", ", SceneSchema.Shapes)}.");
            var material = MaterialIndex(node.Material, materials, specs.Count, where);
            int meshIndex;
            if (shape == SceneSchema.MeshShape)
            {
                meshIndex = meshes.Count;
                meshes.Add(new SceneMesh(name, shape, RawMesh(node.Mesh, where), material));
            }
            else if (!shared.TryGetValue((shape, material), out meshIndex))
            {
                meshIndex = shared[(shape, material)] = meshes.Count;
                meshes.Add(new SceneMesh($"{shape}-{materials[material].Name}", shape, Primitives.Create(shape, segments), material));
            }
            var t = Vector(node.Translation, 3, $"{where}.translation", 0);
            checkedNodes.Add(new SceneNode(name, meshIndex, new Vector3(t[0], t[1], t[2]), Rotation(node, where), Scale(node.Scale, where)));
        }
        return new Scene(Name(spec.Name, "model"), spec.Description?.Trim() ?? "", materials, meshes, checkedNodes);
    }

    // A node without a material gets a plain grey one, added after the declared materials the first time it is needed.
    private static int MaterialIndex(double? index, List<SceneMaterial> materials, int declared, string where)
    {
        if (index is null)
        {
            if (materials.Count == declared) materials.Add(Default);
            return declared;
        }
        if (!IsWhole(index.Value)) throw new UnusableSceneException($"{where}.material is {Text(index.Value)}; give a whole number (an index into materials) or null.");
        if (index < 0 || index >= declared)
        {
            var have = declared == 0 ? "materials is empty" : $"there are {declared} materials (indices 0 to {declared - 1})";
            throw new UnusableSceneException($"{where}.material is {Text(index.Value)}, but {have}; refer to one of them, add the material to materials, or set material to null for plain grey.");
        }
        return (int)index.Value;
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
        if (spec?.Positions is not { Length: > 0 } positions)
            throw new UnusableSceneException($"{where} has shape 'mesh' but no mesh positions; give mesh.positions, or use a primitive shape with mesh null.");
        if (positions.Length % 3 != 0)
            throw new UnusableSceneException($"{where}.mesh.positions has {positions.Length} numbers, not a multiple of 3; give exactly x, y, z for every vertex.");
        if (positions.Length / 3 > SceneLimits.MaxMeshVertices)
            throw new UnusableSceneException($"{where}.mesh has {positions.Length / 3} vertices; at most {SceneLimits.MaxMeshVertices} are allowed, so simplify it or build it from primitives.");
        var indices = spec.Indices ?? [];
        if (indices.Length == 0 || indices.Length % 3 != 0)
            throw new UnusableSceneException($"{where}.mesh.indices has {indices.Length} entries, not a positive multiple of 3; give three vertex numbers for every triangle.");
        if (indices.Length > SceneLimits.MaxMeshIndices)
            throw new UnusableSceneException($"{where}.mesh has {indices.Length} indices; at most {SceneLimits.MaxMeshIndices} are allowed, so use fewer triangles.");
        var count = positions.Length / 3;
        var points = Floats(positions, $"{where}.mesh.positions");
        var kept = new List<uint>(indices.Length);
        for (var t = 0; t < indices.Length; t += 3)
        {
            var (a, b, c) = (indices[t], indices[t + 1], indices[t + 2]);
            for (var k = t; k < t + 3; k++)
            {
                if (!IsWhole(indices[k]))
                    throw new UnusableSceneException($"{where}.mesh.indices[{k}] is {Text(indices[k])}; give whole vertex numbers.");
                if (indices[k] < 0 || indices[k] >= count)
                    throw new UnusableSceneException($"{where}.mesh.indices[{k}] is {Text(indices[k])}, but the mesh has {count} vertices (0 to {count - 1}); refer only to vertices given in positions.");
            }
            if (a != b && b != c && a != c) kept.AddRange([(uint)a, (uint)b, (uint)c]);
        }
        if (kept.Count == 0)
            throw new UnusableSceneException($"{where}.mesh has only degenerate triangles (each repeats a vertex); give every triangle three different vertex numbers.");
        float[]? normals = spec.Normals is { Length: > 0 } given && given.Length == positions.Length ? Floats(given, $"{where}.mesh.normals") : null;
        var index32 = kept.ToArray();
        return new MeshData(points, MeshNormals.Complete(points, index32, normals), index32);
    }

    private static Quaternion Rotation(SceneNodeSpec node, string where)
    {
        if (node.Rotation is { Length: > 0 } q)
        {
            var v = Vector(q, 4, $"{where}.rotation", 0);
            var quaternion = new Quaternion(v[0], v[1], v[2], v[3]);
            if (!(quaternion.Length() > 1e-6f))
                throw new UnusableSceneException($"{where}.rotation is a zero quaternion, which is no rotation; give a unit quaternion [x, y, z, w] ([0, 0, 0, 1] for none) or set rotation to null.");
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
        if (s.Any(c => MathF.Abs(c) < (float)SceneLimits.MinScale))
            throw new UnusableSceneException($"{where}.scale has a zero component; every axis needs a size of at least {Text(SceneLimits.MinScale)} (negative to mirror).");
        return new Vector3(s[0], s[1], s[2]);
    }

    // A vector of exactly n finite numbers; null/empty means every component is fallback. RGB is accepted for RGBA (alpha 1).
    private static float[] Vector(double[]? value, int n, string where, float fallback, bool allowRgb = false)
    {
        if (value is null || value.Length == 0) return Enumerable.Repeat(fallback, n).ToArray();
        if (allowRgb && value.Length == n - 1) value = [.. value, 1];
        if (value.Length != n) throw new UnusableSceneException($"{where} has {value.Length} numbers; give exactly {n}.");
        return Floats(value, where);
    }

    private static float[] Floats(double[] values, string where)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || Math.Abs(values[i]) > SceneLimits.MaxCoordinate)
                throw new UnusableSceneException($"{where}[{i}] is {Text(values[i])}; give a number within ±{Text(SceneLimits.MaxCoordinate)}.");
            result[i] = (float)values[i];
        }
        return result;
    }

    private static bool IsWhole(double value) => double.IsFinite(value) && value == Math.Floor(value);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static float Unit(double? value, double fallback, string where)
    {
        var v = value ?? fallback;
        if (!double.IsFinite(v)) throw new UnusableSceneException($"{where} is not a finite number; give one from 0 to 1.");
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
