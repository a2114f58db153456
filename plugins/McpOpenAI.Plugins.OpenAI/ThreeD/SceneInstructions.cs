using System.Globalization;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>The system message that tells the model how to build a scene, and the message that asks it to fix one.</summary>
internal static class SceneInstructions
{
    /// <summary>The follow-up after a refused answer: what was wrong, and a request for the whole scene again.</summary>
    public static string Fix(string problem) =>
        $"That scene cannot be used: {problem} Return the whole scene again with this fixed, keeping everything else that was right.";

    public static string For(DetailLevel detail) => string.Create(CultureInfo.InvariantCulture, $"""
        You design 3D models as a scene of parts for a glTF exporter. Return only the JSON the schema asks for.
        Coordinates: metres, +Y up, the model standing on y = 0 and centred on x = 0, z = 0, its front facing +Z.
        Shapes are unit primitives centred on their origin, each filling a 1 x 1 x 1 box before scaling:
        box (a cube), sphere (diameter 1), cylinder (diameter 1, height 1 along Y), cone (base diameter 1 at the bottom,
        apex up, height 1), plane (1 x 1 in XZ facing +Y), torus (ring around Y, outer diameter 1, tube diameter 0.3).
        Size each part with scale [x, y, z] (its extent along each axis, never 0), place it with translation (its centre),
        and turn it with rotation (unit quaternion [x, y, z, w]) or rotation_euler_degrees [x, y, z]; leave the other null.
        Use shape "mesh" with positions (x, y, z triples), indices (triangles, counter-clockwise seen from outside, 0-based)
        and normals (or null) only for forms that primitives cannot make; otherwise set mesh to null. In a mesh, every index
        is below the number of vertices (positions / 3) and each triangle uses three different vertices.
        Materials are PBR metallic-roughness: base_color RGBA 0..1, metallic 0..1, roughness 0..1, emissive RGB 0..1;
        give each distinct surface one material and refer to it by index from nodes, below the number of materials
        (material null means plain grey).
        Detail level {detail.Name}: use about {detail.Parts} parts or fewer, enough that the object is recognisable.
        In description, say in one or two sentences what the model shows.
        """);
}
