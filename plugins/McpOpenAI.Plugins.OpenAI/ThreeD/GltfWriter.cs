using System.Numerics;
using System.Text.Json;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// Writes a <see cref="Scene"/> as glTF 2.0: a <c>.gltf</c> JSON file with the buffer embedded as a base64 data URI,
/// or a <c>.glb</c> binary (JSON chunk and BIN chunk). Nodes carry translation/rotation/scale; each mesh has one
/// triangle primitive with POSITION (with min/max) and NORMAL accessors and indices; materials are metallic-roughness.
/// </summary>
internal static class GltfWriter
{
    public const string Generator = "McpOpenAI generate_3d_model";

    /// <summary>The <c>.gltf</c> file: JSON with the buffer as a data URI.</summary>
    public static byte[] Gltf(Scene scene)
    {
        var buffer = Pack(scene);
        var data = buffer.ToArray();
        return Json(scene, buffer, data.Length, "data:application/octet-stream;base64," + Convert.ToBase64String(data), indented: true);
    }

    /// <summary>The <c>.glb</c> file: a 12-byte header, the JSON chunk (space-padded) and the BIN chunk (zero-padded).</summary>
    public static byte[] Glb(Scene scene)
    {
        var buffer = Pack(scene);
        var data = buffer.ToArray();
        return GlbContainer.Pack(Json(scene, buffer, data.Length, uri: null, indented: false), data);
    }

    private static GltfBuffer Pack(Scene scene)
    {
        var buffer = new GltfBuffer();
        foreach (var mesh in scene.Meshes)
        {
            buffer.AddVec3(mesh.Geometry.Positions, withBounds: true);
            buffer.AddVec3(mesh.Geometry.Normals, withBounds: false);
            buffer.AddIndices(mesh.Geometry.Indices, mesh.Geometry.VertexCount);
        }
        return buffer;
    }

    private static byte[] Json(Scene scene, GltfBuffer buffer, int byteLength, string? uri, bool indented)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteStartObject("asset");
            json.WriteString("version", "2.0");
            json.WriteString("generator", Generator);
            json.WriteEndObject();
            json.WriteNumber("scene", 0);
            json.WriteStartArray("scenes");
            json.WriteStartObject();
            json.WriteString("name", scene.Name);
            json.WriteStartArray("nodes");
            for (var i = 0; i < scene.Nodes.Count; i++) json.WriteNumberValue(i);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            WriteNodes(json, scene.Nodes);
            WriteMeshes(json, scene.Meshes);
            WriteMaterials(json, scene.Materials);
            WriteAccessors(json, buffer.Accessors);
            WriteViews(json, buffer.Views);
            json.WriteStartArray("buffers");
            json.WriteStartObject();
            json.WriteNumber("byteLength", byteLength);
            if (uri is not null) json.WriteString("uri", uri);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteNodes(Utf8JsonWriter json, IReadOnlyList<SceneNode> nodes) => Objects(json, "nodes", nodes, node =>
    {
        json.WriteString("name", node.Name);
        json.WriteNumber("mesh", node.Mesh);
        if (node.Translation != Vector3.Zero) Floats(json, "translation", node.Translation.X, node.Translation.Y, node.Translation.Z);
        if (node.Rotation != Quaternion.Identity) Floats(json, "rotation", node.Rotation.X, node.Rotation.Y, node.Rotation.Z, node.Rotation.W);
        if (node.Scale != Vector3.One) Floats(json, "scale", node.Scale.X, node.Scale.Y, node.Scale.Z);
    });

    // Mesh i's accessors are 3i (POSITION), 3i + 1 (NORMAL) and 3i + 2 (indices), in the order Pack added them.
    private static void WriteMeshes(Utf8JsonWriter json, IReadOnlyList<SceneMesh> meshes) => Objects(json, "meshes", meshes.Select((m, i) => (Mesh: m, Index: i)).ToList(), item =>
    {
        json.WriteString("name", item.Mesh.Name);
        json.WriteStartArray("primitives");
        json.WriteStartObject();
        json.WriteStartObject("attributes");
        json.WriteNumber("POSITION", 3 * item.Index);
        json.WriteNumber("NORMAL", 3 * item.Index + 1);
        json.WriteEndObject();
        json.WriteNumber("indices", 3 * item.Index + 2);
        json.WriteNumber("material", item.Mesh.Material);
        json.WriteNumber("mode", 4);
        json.WriteEndObject();
        json.WriteEndArray();
    });

    private static void WriteMaterials(Utf8JsonWriter json, IReadOnlyList<SceneMaterial> materials) => Objects(json, "materials", materials, material =>
    {
        json.WriteString("name", material.Name);
        json.WriteStartObject("pbrMetallicRoughness");
        Floats(json, "baseColorFactor", material.BaseColor.X, material.BaseColor.Y, material.BaseColor.Z, material.BaseColor.W);
        json.WriteNumber("metallicFactor", (double)material.Metallic);
        json.WriteNumber("roughnessFactor", (double)material.Roughness);
        json.WriteEndObject();
        if (material.Emissive != Vector3.Zero) Floats(json, "emissiveFactor", material.Emissive.X, material.Emissive.Y, material.Emissive.Z);
        if (material.BaseColor.W < 1) json.WriteString("alphaMode", "BLEND");
    });

    private static void WriteAccessors(Utf8JsonWriter json, IReadOnlyList<GltfAccessor> accessors) => Objects(json, "accessors", accessors, accessor =>
    {
        json.WriteNumber("bufferView", accessor.BufferView);
        json.WriteNumber("componentType", accessor.ComponentType);
        json.WriteNumber("count", accessor.Count);
        json.WriteString("type", accessor.Type);
        if (accessor.Min is { } min) Floats(json, "min", min);
        if (accessor.Max is { } max) Floats(json, "max", max);
    });

    private static void WriteViews(Utf8JsonWriter json, IReadOnlyList<GltfBufferView> views) => Objects(json, "bufferViews", views, view =>
    {
        json.WriteNumber("buffer", 0);
        json.WriteNumber("byteOffset", view.ByteOffset);
        json.WriteNumber("byteLength", view.ByteLength);
        json.WriteNumber("target", view.Target);
    });

    // A top-level array of objects, one per item, each written by 'body'.
    private static void Objects<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Action<T> body)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            body(item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    // Floats are written as the exact doubles they stand for, so min/max match the buffer's float32 values bit for bit.
    private static void Floats(Utf8JsonWriter json, string name, params float[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteNumberValue((double)value);
        json.WriteEndArray();
    }
}
