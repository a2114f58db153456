using System.Text.Json;

namespace McpOpenAI.Plugins.OpenAI.Tests.ThreeD;

/// <summary>Reads a JSON schema's limits and keywords by walking <c>properties</c>, <c>items</c> and <c>anyOf</c>.</summary>
internal static class SchemaWalk
{
    private static readonly string[] BoundKeywords = ["minItems", "maxItems", "minimum", "maximum"];

    public static IReadOnlyList<SchemaBound> Bounds(JsonElement schema) =>
        Schemas(schema, "").SelectMany(s => BoundKeywords.Where(k => s.Schema.TryGetProperty(k, out _))
            .Select(k => new SchemaBound(s.Path, k, s.Schema.GetProperty(k).GetDouble(), k.EndsWith("Items", StringComparison.Ordinal) || IsInteger(s.Schema))))
        .Distinct().ToList();

    public static IReadOnlySet<string> Keywords(JsonElement schema) =>
        Schemas(schema, "").SelectMany(s => s.Schema.EnumerateObject().Select(p => p.Name)).ToHashSet();

    private static IEnumerable<(string Path, JsonElement Schema)> Schemas(JsonElement schema, string path)
    {
        yield return (path, schema);
        var children = Enumerable.Empty<(string, JsonElement)>();
        if (schema.TryGetProperty("properties", out var properties))
            children = children.Concat(properties.EnumerateObject().Select(p => (path.Length == 0 ? p.Name : $"{path}.{p.Name}", p.Value)));
        if (schema.TryGetProperty("items", out var items)) children = children.Append((path + "[]", items));
        if (schema.TryGetProperty("anyOf", out var anyOf)) children = children.Concat(anyOf.EnumerateArray().Select(b => (path, b)));
        foreach (var (childPath, child) in children.ToList())
        {
            foreach (var nested in Schemas(child, childPath)) yield return nested;
        }
    }

    private static bool IsInteger(JsonElement schema) => schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "integer";
}
