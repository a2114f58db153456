using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel;

/// <summary>
/// The JSON settings every function result and schema uses: compact, snake_case, enums as strings, and one rule that
/// serialization and result schemas share: <b>a property that may be null is optional</b>. Null values are left
/// out of results (<see cref="JsonIgnoreCondition.WhenWritingNull"/>), so <see cref="ResultSchema"/> removes such
/// properties from <c>required</c>. Clients that validate results against a tool's output schema (the TypeScript
/// and Python MCP SDKs) then accept every result a function can produce.
/// </summary>
public static class KernelJson
{
    /// <summary>Shared, read-only serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // Results travel inside JSON-RPC messages and model contexts: indentation is bytes and tokens nobody reads.
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Serializes a value with <see cref="Options"/>.</summary>
    public static string Serialize(object? value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// A result schema that agrees with <see cref="Options"/>: at every level, a property whose schema admits
    /// null (a <c>"null"</c> type, a nullable branch, or no type at all) is not required, because a null value is
    /// not written. Everything else in the schema is kept as it is.
    /// </summary>
    public static JsonElement ResultSchema(JsonElement schema)
    {
        var root = JsonNode.Parse(schema.GetRawText());
        if (root is null)
            return schema;
        Visit(root, root);
        return JsonSerializer.SerializeToElement(root, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonNode)));
    }

    private static void Visit(JsonNode root, JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties && obj["required"] is JsonArray required)
                {
                    foreach (var name in required.Select(r => r?.GetValue<string>()).ToArray())
                    {
                        if (name is not null && properties[name] is { } property && AdmitsNull(root, property, depth: 0))
                            required.Remove(required.First(r => r?.GetValue<string>() == name));
                    }
                    if (required.Count == 0)
                        obj.Remove("required");
                }
                foreach (var (_, child) in obj.ToArray())
                {
                    if (child is not null)
                        Visit(root, child);
                }
                break;
            case JsonArray array:
                foreach (var child in array.ToArray())
                {
                    if (child is not null)
                        Visit(root, child);
                }
                break;
        }
    }

    private static bool AdmitsNull(JsonNode root, JsonNode schema, int depth)
    {
        if (depth > 32)
            return false;
        if (schema is JsonValue value)
            return value.TryGetValue<bool>(out var accepts) && accepts;
        if (schema is not JsonObject obj)
            return false;
        if (obj["$ref"]?.GetValue<string>() is { } reference)
            return Resolve(root, reference) is { } target && AdmitsNull(root, target, depth + 1);
        if (obj["type"] is { } type)
        {
            return type is JsonArray types
                ? types.Any(t => t?.GetValue<string>() == "null")
                : type.GetValue<string>() == "null";
        }
        if (obj["enum"] is JsonArray values)
            return values.Any(v => v is null);
        if (obj.ContainsKey("const"))
            return obj["const"] is null;
        foreach (var keyword in (ReadOnlySpan<string>)["anyOf", "oneOf"])
        {
            if (obj[keyword] is JsonArray branches)
                return branches.Any(b => b is not null && AdmitsNull(root, b, depth + 1));
        }
        if (obj["allOf"] is JsonArray all)
            return all.All(b => b is null || AdmitsNull(root, b, depth + 1));
        // No type, no enumeration, no reference: any value, null included.
        return true;
    }

    // A local JSON pointer ("#/properties/a/items"), the only kind result schemas use.
    private static JsonNode? Resolve(JsonNode root, string reference)
    {
        if (!reference.StartsWith('#'))
            return null;
        var node = root;
        foreach (var segment in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[key],
                JsonArray array when int.TryParse(key, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
                return null;
        }
        return node;
    }
}
