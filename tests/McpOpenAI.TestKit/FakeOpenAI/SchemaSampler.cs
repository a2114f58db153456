using System.Text.Json.Nodes;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>Builds a small JSON value that satisfies a JSON schema, for default structured-output replies.</summary>
internal static class SchemaSampler
{
    public static JsonNode? Sample(JsonNode? schema, int depth = 0)
    {
        if (schema is not JsonObject s || depth > 8) return null;
        if (s["enum"] is JsonArray { Count: > 0 } values) return values[0]!.DeepClone();
        if (s["const"] is { } constant) return constant.DeepClone();
        if (s["anyOf"] is JsonArray { Count: > 0 } anyOf) return Sample(anyOf[0], depth + 1);

        var type = s["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
            JsonValue value => value.GetValue<string>(),
            _ => s["properties"] is not null ? "object" : "string",
        };
        return type switch
        {
            "object" => SampleObject(s, depth),
            "array" => new JsonArray(Sample(s["items"], depth + 1)),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "null" => null,
            _ => "sample",
        };
    }

    private static JsonObject SampleObject(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
                result[name] = Sample(property, depth + 1);
        }
        return result;
    }
}
