using System.Globalization;
using System.Numerics;
using System.Text;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// Writes a <see cref="Scene"/> as Wavefront OBJ (world-space vertices and normals, one object per node, 1-based
/// <c>f v//vn</c> faces) and its MTL (Kd, Ks, Ns, d, Ke, plus the common PBR extension Pr/Pm).
/// </summary>
internal static class ObjWriter
{
    public static byte[] Obj(Scene scene, string mtlFileName)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(GltfWriter.Generator).Append(": ").AppendLine(OneLine(scene.Name));
        text.Append("mtllib ").AppendLine(mtlFileName);
        var offset = 1;
        foreach (var node in scene.Nodes)
        {
            var mesh = scene.Meshes[node.Mesh];
            var geometry = mesh.Geometry;
            var world = node.World;
            Matrix4x4.Invert(world, out var inverse);
            var normalMatrix = Matrix4x4.Transpose(inverse);
            // A mirroring transform turns faces inside out; swap the winding to keep them facing out.
            var mirrored = world.GetDeterminant() < 0;
            text.Append("o ").AppendLine(Token(node.Name));
            for (var i = 0; i < geometry.VertexCount; i++)
                Line(text, "v", Vector3.Transform(At(geometry.Positions, i), world));
            for (var i = 0; i < geometry.VertexCount; i++)
                Line(text, "vn", Vector3.Normalize(Vector3.TransformNormal(At(geometry.Normals, i), normalMatrix)));
            text.Append("usemtl ").AppendLine(MaterialName(scene, mesh.Material));
            for (var t = 0; t < geometry.Indices.Length; t += 3)
            {
                var (a, b, c) = (geometry.Indices[t] + offset, geometry.Indices[t + 1] + offset, geometry.Indices[t + 2] + offset);
                if (mirrored) (b, c) = (c, b);
                text.Append(CultureInfo.InvariantCulture, $"f {a}//{a} {b}//{b} {c}//{c}").AppendLine();
            }
            offset += geometry.VertexCount;
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Mtl(Scene scene)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(GltfWriter.Generator);
        for (var i = 0; i < scene.Materials.Count; i++)
        {
            var m = scene.Materials[i];
            var color = new Vector3(m.BaseColor.X, m.BaseColor.Y, m.BaseColor.Z);
            // Metals reflect in their own colour; dielectrics reflect about 4% white.
            var specular = Vector3.Lerp(new Vector3(0.04f), color, m.Metallic);
            var shininess = MathF.Round(Math.Max(1, 1000 * (1 - m.Roughness) * (1 - m.Roughness)));
            text.AppendLine().Append("newmtl ").AppendLine(MaterialName(scene, i));
            Line(text, "Ka", Vector3.Zero);
            Line(text, "Kd", color);
            Line(text, "Ks", specular);
            Line(text, "Ke", m.Emissive);
            text.Append("Ns ").AppendLine(Number(shininess));
            text.Append("d ").AppendLine(Number(m.BaseColor.W));
            text.Append("Pr ").AppendLine(Number(m.Roughness));
            text.Append("Pm ").AppendLine(Number(m.Metallic));
            text.AppendLine("illum 2");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The unique, space-free MTL name of material <paramref name="index"/>.</summary>
    public static string MaterialName(Scene scene, int index) => $"m{index}_{Token(scene.Materials[index].Name)}";

    private static Vector3 At(float[] values, int i) => new(values[3 * i], values[3 * i + 1], values[3 * i + 2]);

    private static void Line(StringBuilder text, string tag, Vector3 v) =>
        text.Append(tag).Append(' ').Append(Number(v.X)).Append(' ').Append(Number(v.Y)).Append(' ').AppendLine(Number(v.Z));

    private static string Number(float value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Token(string name)
    {
        var token = new string(name.Select(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '#' ? '_' : c).ToArray());
        return token.Length == 0 ? "_" : token;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
