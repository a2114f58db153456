using System.Text.Json.Nodes;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Server.Tests.Clients;

/// <summary>
/// The fake's chat replies for the matrix. The fake's default reply to structured output (one sampled value per
/// schema node) gives generate_3d_model colours of one number, which it rightly refuses; so its scene request gets a
/// small usable scene, and every other request gets what the fake answers by default.
/// </summary>
internal static class MatrixChatReplies
{
    private static readonly object Scene = new
    {
        name = "Stool",
        description = "A small stool: a round seat on a box leg, with a wedge footrest.",
        materials = new object[]
        {
            new { name = "wood", base_color = new[] { 0.6, 0.4, 0.2, 1.0 }, metallic = 0.0, roughness = 0.7, emissive = new[] { 0.0, 0.0, 0.0 } },
        },
        nodes = new object?[]
        {
            Node("seat", "cylinder", [0, 0.45, 0], [0.4, 0.05, 0.4], null),
            Node("leg", "box", [0, 0.22, 0], [0.08, 0.44, 0.08], null),
            Node("footrest", "mesh", [0, 0.1, 0.1], [1, 1, 1], new { positions = new[] { 0.0, 0, 0, 0.2, 0, 0, 0, 0.1, 0 }, normals = (double[]?)null, indices = new[] { 0, 1, 2 } }),
        },
    };

    public static FakeChatReply Reply(FakeChatRequest request) =>
        request.ResponseFormat?["json_schema"]?["name"]?.GetValue<string>() == "scene_3d"
            ? FakeChatReply.FromJson(Scene)
            : request.ResponseFormatType switch
            {
                "json_schema" => FakeChatReply.FromJson(Sample(request.ResponseFormat?["json_schema"]?["schema"])?.ToJsonString() ?? "{}"),
                "json_object" => FakeChatReply.FromJson(new JsonObject { ["echo"] = request.LastUserText }.ToJsonString()),
                _ => FakeChatReply.FromText("Echo: " + request.LastUserText + (request.ImageCount > 0 ? $" [images: {request.ImageCount}]" : "")),
            };

    private static object Node(string name, string shape, double[] translation, double[] scale, object? mesh) =>
        new { name, shape, material = 0, translation, rotation = (double[]?)null, rotation_euler_degrees = (double[]?)null, scale, mesh };

    // A value of the schema's first non-null type, each property of an object filled: enough for chat's structured output.
    private static JsonNode? Sample(JsonNode? schema)
    {
        var type = schema?["type"] is JsonArray types
            ? types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null")
            : schema?["type"]?.GetValue<string>();
        return type switch
        {
            "object" => new JsonObject(schema!["properties"]?.AsObject().Select(p => KeyValuePair.Create(p.Key, Sample(p.Value))) ?? []),
            "number" or "integer" => 1,
            "boolean" => true,
            "array" => new JsonArray(),
            _ => "sample",
        };
    }
}
