using System.Globalization;
using System.Numerics;
using System.Text;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>A short text about a scene: what it is, its parts by shape, its materials and its overall size.</summary>
internal static class ScenePreview
{
    public static string Describe(Scene scene)
    {
        var text = new StringBuilder(scene.Name);
        if (scene.Description.Length > 0) text.Append(": ").Append(scene.Description.TrimEnd('.')).Append('.');
        var shapes = scene.Nodes.GroupBy(n => scene.Meshes[n.Mesh].Shape).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}{(g.Count() == 1 ? "" : g.Key == "box" ? "es" : "s")}");
        var counts = scene.Counts;
        text.Append(CultureInfo.InvariantCulture, $" {counts.Nodes} part{(counts.Nodes == 1 ? "" : "s")} ({string.Join(", ", shapes)}), ");
        text.Append(CultureInfo.InvariantCulture, $"{counts.Vertices} vertices, {counts.Triangles} triangles; materials: {string.Join(", ", scene.Materials.Select(m => m.Name))}.");
        var (min, max) = Bounds(scene);
        var size = max - min;
        text.Append(CultureInfo.InvariantCulture, $" Size {size.X:0.###} x {size.Y:0.###} x {size.Z:0.###} m (W x H x D).");
        return text.ToString();
    }

    /// <summary>The world-space bounding box of every vertex.</summary>
    public static (Vector3 Min, Vector3 Max) Bounds(Scene scene)
    {
        var min = new Vector3(float.MaxValue);
        var max = new Vector3(float.MinValue);
        foreach (var node in scene.Nodes)
        {
            var world = node.World;
            var positions = scene.Meshes[node.Mesh].Geometry.Positions;
            for (var i = 0; i < positions.Length; i += 3)
            {
                var p = Vector3.Transform(new Vector3(positions[i], positions[i + 1], positions[i + 2]), world);
                min = Vector3.Min(min, p);
                max = Vector3.Max(max, p);
            }
        }
        return (min, max);
    }
}
