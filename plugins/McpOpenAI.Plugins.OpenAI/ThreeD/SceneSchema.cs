using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel;

namespace McpOpenAI.Plugins.OpenAI.ThreeD;

/// <summary>
/// The JSON schema of the scene the model must return, sent as OpenAI strict structured output (every property required,
/// every object closed). Its limits come from <see cref="SceneLimits"/>, so an answer that matches it passes
/// <see cref="SceneValidator"/> except for the rules JSON Schema cannot state, which are checked after generation:
/// <list type="bullet">
/// <item>a node's <c>material</c> is below the number of <c>materials</c> (an index into an array of the same answer);</item>
/// <item>a mesh's <c>positions</c> and <c>indices</c> each hold a multiple of 3 numbers;</item>
/// <item>every entry of a mesh's <c>indices</c> is below its vertex count (<c>positions</c> / 3);</item>
/// <item>at least one triangle of a mesh has three different vertices;</item>
/// <item>a <c>rotation</c> quaternion is not all zeros.</item>
/// </list>
/// The schema is stricter than the validator where that helps the model: colours, metallic and roughness within 0..1 (the
/// validator clamps), quaternion and normal components within -1..1 (the validator normalizes), RGBA always 4 numbers (the
/// validator also takes RGB), <c>mesh</c> null on primitives (the validator ignores it).
/// </summary>
/// <remarks>
/// Keywords used, all in the "Supported schemas" section of OpenAI's Structured Outputs guide
/// (https://platform.openai.com/docs/guides/structured-outputs#supported-schemas, the guide the API reference's
/// <c>json_schema.strict</c> points to): <c>type</c> (with <c>"null"</c>), <c>properties</c>, <c>required</c>,
/// <c>additionalProperties: false</c>, <c>items</c>, <c>enum</c>, <c>anyOf</c> (not at the root), <c>description</c>;
/// <c>minItems</c>/<c>maxItems</c> ("supported array properties"); <c>minimum</c>/<c>maximum</c> ("supported number
/// properties"). Not used: <c>minLength</c>/<c>maxLength</c> (not in that list, so names are cut to length instead),
/// <c>allOf</c>, <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c> (listed as not supported), <c>prefixItems</c>,
/// <c>uniqueItems</c>, <c>contains</c>.
/// </remarks>
internal static class SceneSchema
{
    public const string Name = "scene_3d";

    public const string MeshShape = "mesh";

    public static readonly string[] PrimitiveShapes = ["box", "sphere", "cylinder", "cone", "plane", "torus"];

    public static readonly string[] Shapes = [.. PrimitiveShapes, MeshShape];

    public static JsonElement Element { get; } = KernelJson.SerializeToElement<JsonNode>(Build(), KernelJson.PlainOptions);

    private static JsonObject Build() => Object(
        ("name", Text("A short name for the model.")),
        ("description", Text("One or two sentences on what the model shows and how it is built.")),
        ("materials", Array(Material(), 0, SceneLimits.MaxMaterials, "The PBR materials; nodes refer to them by index.")),
        ("nodes", Array(new JsonObject { ["anyOf"] = new JsonArray(Node(PrimitiveShapes, Null()), Node([MeshShape], Mesh())) },
            1, SceneLimits.MaxNodes, "The parts: primitives with mesh null, or shape 'mesh' with its triangles.")));

    private static JsonObject Material() => Object(
        ("name", Text("What the surface is, e.g. 'oak wood'.")),
        ("base_color", Vector(4, 0, 1, "RGBA, each 0 to 1 (linear).")),
        ("metallic", Number(0, 1, "0 (dielectric) to 1 (metal).")),
        ("roughness", Number(0, 1, "0 (mirror) to 1 (matte).")),
        ("emissive", Vector(3, 0, 1, "RGB light emitted, each 0 to 1; [0, 0, 0] for none.")));

    private static JsonObject Node(string[] shapes, JsonObject mesh) => Object(
        ("name", Text("What the part is, e.g. 'left front leg'.")),
        ("shape", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. shapes.Select(s => JsonValue.Create(s))]) }),
        ("material", Nullable(Integer(0, SceneLimits.MaxMaterials - 1, "Index into materials (below their count), or null for plain grey."))),
        ("translation", Vector(3, -SceneLimits.MaxCoordinate, SceneLimits.MaxCoordinate, "[x, y, z] of the part's centre, in metres.")),
        ("rotation", Nullable(Vector(4, -1, 1, "Unit quaternion [x, y, z, w] (not all zero; [0, 0, 0, 1] is none), or null."))),
        ("rotation_euler_degrees", Nullable(Vector(3, -SceneLimits.MaxCoordinate, SceneLimits.MaxCoordinate,
            "[x, y, z] degrees, applied X then Y then Z; used when rotation is null."))),
        ("scale", Array(new JsonObject
        {
            ["anyOf"] = new JsonArray(Number(SceneLimits.MinScale, SceneLimits.MaxCoordinate), Number(-SceneLimits.MaxCoordinate, -SceneLimits.MinScale)),
        }, 3, 3, "[x, y, z]: the size of the unit shape along each axis, never 0 (negative mirrors).")),
        ("mesh", mesh));

    private static JsonObject Mesh() => Object(
        ("positions", Array(Number(-SceneLimits.MaxCoordinate, SceneLimits.MaxCoordinate), 3 * SceneLimits.MinMeshVertices, 3 * SceneLimits.MaxMeshVertices,
            "Vertices as flat x, y, z triples (a multiple of 3 numbers).")),
        ("normals", Nullable(Array(Number(-1, 1), 0, 3 * SceneLimits.MaxMeshVertices,
            "One unit normal per vertex as x, y, z triples (as many numbers as positions), or null to compute them."))),
        ("indices", Array(Integer(0, SceneLimits.MaxMeshVertices - 1), 3, SceneLimits.MaxMeshIndices,
            "Triangles as triples of 0-based vertex numbers, each below the vertex count (positions / 3), three different ones per triangle, " +
            "counter-clockwise seen from outside.")));

    private static JsonObject Object(params (string Name, JsonNode Schema)[] properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Schema))),
        ["required"] = new JsonArray([.. properties.Select(p => JsonValue.Create(p.Name))]),
        ["additionalProperties"] = false,
    };

    private static JsonObject Array(JsonObject items, int minItems, int maxItems, string? description = null)
    {
        var schema = new JsonObject { ["type"] = "array", ["items"] = items };
        if (minItems > 0) schema["minItems"] = minItems;
        schema["maxItems"] = maxItems;
        return Described(schema, description);
    }

    private static JsonObject Vector(int length, double minimum, double maximum, string description) =>
        Array(Number(minimum, maximum), length, length, description);

    private static JsonObject Number(double minimum, double maximum, string? description = null) =>
        Described(new JsonObject { ["type"] = "number", ["minimum"] = minimum, ["maximum"] = maximum }, description);

    private static JsonObject Integer(int minimum, int maximum, string? description = null) =>
        Described(new JsonObject { ["type"] = "integer", ["minimum"] = minimum, ["maximum"] = maximum }, description);

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject Null() => new() { ["type"] = "null" };

    private static JsonObject Nullable(JsonObject schema) => new() { ["anyOf"] = new JsonArray(Null(), schema) };

    private static JsonObject Described(JsonObject schema, string? description)
    {
        if (description is not null) schema["description"] = description;
        return schema;
    }
}
