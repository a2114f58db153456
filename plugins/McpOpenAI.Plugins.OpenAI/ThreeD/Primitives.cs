using System.Numerics;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// Unit primitives, centred on the origin with +Y up, each fitting a 1×1×1 box (scale them with the node): box, plane
/// (XZ, facing +Y), sphere, cylinder, cone (apex up), torus (around Y). Faces wind counter-clockwise seen from outside.
/// </summary>
internal static class Primitives
{
    public const float Half = 0.5f;

    public static MeshData Create(string shape, int segments) => shape switch
    {
        "box" => Box(),
        "plane" => Plane(),
        "sphere" => Sphere(segments),
        "cylinder" => Cylinder(segments),
        "cone" => Cone(segments),
        "torus" => Torus(segments),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "not a primitive"),
    };

    public static MeshData Box()
    {
        var mesh = new MeshBuilder();
        // Each face: its normal n and two axes u, v with u × v = n.
        Face(mesh, Vector3.UnitX, Vector3.UnitY, Vector3.UnitZ);
        Face(mesh, -Vector3.UnitX, Vector3.UnitZ, Vector3.UnitY);
        Face(mesh, Vector3.UnitY, Vector3.UnitZ, Vector3.UnitX);
        Face(mesh, -Vector3.UnitY, Vector3.UnitX, Vector3.UnitZ);
        Face(mesh, Vector3.UnitZ, Vector3.UnitX, Vector3.UnitY);
        Face(mesh, -Vector3.UnitZ, Vector3.UnitY, Vector3.UnitX);
        return mesh.Build();
    }

    public static MeshData Plane()
    {
        var mesh = new MeshBuilder();
        Face(mesh, Vector3.UnitY, Vector3.UnitZ, Vector3.UnitX, centre: Vector3.Zero);
        return mesh.Build();
    }

    public static MeshData Sphere(int segments)
    {
        var rings = Math.Max(2, segments / 2);
        var mesh = new MeshBuilder();
        var top = mesh.Vertex(new Vector3(0, Half, 0), Vector3.UnitY);
        var ringStart = new uint[rings - 1];
        for (var r = 1; r < rings; r++)
        {
            var phi = MathF.PI * r / rings;
            for (var s = 0; s < segments; s++)
            {
                var direction = Around(s, segments) * MathF.Sin(phi) + Vector3.UnitY * MathF.Cos(phi);
                var index = mesh.Vertex(direction * Half, direction);
                if (s == 0) ringStart[r - 1] = index;
            }
        }
        var bottom = mesh.Vertex(new Vector3(0, -Half, 0), -Vector3.UnitY);
        for (var s = 0; s < segments; s++)
        {
            var next = (s + 1) % segments;
            mesh.Triangle(top, ringStart[0] + (uint)s, ringStart[0] + (uint)next);
            for (var r = 0; r < rings - 2; r++)
                mesh.Quad(ringStart[r] + (uint)s, ringStart[r + 1] + (uint)s, ringStart[r + 1] + (uint)next, ringStart[r] + (uint)next);
            mesh.Triangle(ringStart[^1] + (uint)s, bottom, ringStart[^1] + (uint)next);
        }
        return mesh.Build();
    }

    public static MeshData Cylinder(int segments)
    {
        var mesh = new MeshBuilder();
        var upper = new uint[segments];
        var lower = new uint[segments];
        for (var s = 0; s < segments; s++)
        {
            var radial = Around(s, segments);
            upper[s] = mesh.Vertex(radial * Half + Vector3.UnitY * Half, radial);
            lower[s] = mesh.Vertex(radial * Half - Vector3.UnitY * Half, radial);
        }
        for (var s = 0; s < segments; s++)
        {
            var next = (s + 1) % segments;
            mesh.Quad(upper[s], lower[s], lower[next], upper[next]);
        }
        Cap(mesh, segments, Half, up: true);
        Cap(mesh, segments, -Half, up: false);
        return mesh.Build();
    }

    public static MeshData Cone(int segments)
    {
        var mesh = new MeshBuilder();
        var apex = new Vector3(0, Half, 0);
        // The side's normal leans up by the slope: radius 0.5 over height 1.
        Vector3 SideNormal(float angle) => new Vector3(MathF.Sin(angle), Half, MathF.Cos(angle));
        var ring = new uint[segments];
        for (var s = 0; s < segments; s++)
        {
            var angle = 2 * MathF.PI * s / segments;
            ring[s] = mesh.Vertex(Around(s, segments) * Half - Vector3.UnitY * Half, SideNormal(angle));
        }
        for (var s = 0; s < segments; s++)
        {
            var tip = mesh.Vertex(apex, SideNormal(2 * MathF.PI * (s + 0.5f) / segments));
            mesh.Triangle(tip, ring[s], ring[(s + 1) % segments]);
        }
        Cap(mesh, segments, -Half, up: false);
        return mesh.Build();
    }

    public static MeshData Torus(int segments)
    {
        const float major = 0.35f, minor = 0.15f;
        var tube = Math.Max(3, segments / 2);
        var mesh = new MeshBuilder();
        for (var i = 0; i < segments; i++)
        {
            var radial = Around(i, segments);
            for (var j = 0; j < tube; j++)
            {
                var phi = 2 * MathF.PI * j / tube;
                var normal = radial * MathF.Cos(phi) + Vector3.UnitY * MathF.Sin(phi);
                mesh.Vertex(radial * major + normal * minor, normal);
            }
        }
        uint At(int i, int j) => (uint)((i % segments) * tube + (j % tube));
        for (var i = 0; i < segments; i++)
        {
            for (var j = 0; j < tube; j++)
                mesh.Quad(At(i, j), At(i + 1, j), At(i + 1, j + 1), At(i, j + 1));
        }
        return mesh.Build();
    }

    // The unit direction in the XZ plane at step s of n: +Z at 0, +X at a quarter turn.
    private static Vector3 Around(int s, int n)
    {
        var angle = 2 * MathF.PI * s / n;
        return new Vector3(MathF.Sin(angle), 0, MathF.Cos(angle));
    }

    private static void Cap(MeshBuilder mesh, int segments, float y, bool up)
    {
        var normal = up ? Vector3.UnitY : -Vector3.UnitY;
        var centre = mesh.Vertex(new Vector3(0, y, 0), normal);
        var ring = new uint[segments];
        for (var s = 0; s < segments; s++)
            ring[s] = mesh.Vertex(Around(s, segments) * Half + Vector3.UnitY * y, normal);
        for (var s = 0; s < segments; s++)
        {
            var next = ring[(s + 1) % segments];
            if (up) mesh.Triangle(centre, ring[s], next);
            else mesh.Triangle(ring[s], centre, next);
        }
    }

    private static void Face(MeshBuilder mesh, Vector3 n, Vector3 u, Vector3 v, Vector3? centre = null)
    {
        var c = centre ?? n * Half;
        var a = mesh.Vertex(c - u * Half - v * Half, n);
        var b = mesh.Vertex(c + u * Half - v * Half, n);
        var d = mesh.Vertex(c + u * Half + v * Half, n);
        var e = mesh.Vertex(c - u * Half + v * Half, n);
        mesh.Quad(a, b, d, e);
    }
}
