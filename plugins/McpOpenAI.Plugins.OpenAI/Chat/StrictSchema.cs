using System.Text.Json;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>
/// Tells whether a JSON schema meets OpenAI's strict structured-output rules (every object closes with
/// <c>additionalProperties: false</c> and requires all its properties). Strict mode is used when it does, so a
/// schema written without those rules still works, just without the guarantee.
/// </summary>
internal static class StrictSchema
{
    public static bool IsCompatible(JsonElement schema) => Check(schema, depth: 0);

    private static bool Check(JsonElement node, int depth)
    {
        if (depth > 64) return false;
        if (node.ValueKind == JsonValueKind.Array) return node.EnumerateArray().All(n => Check(n, depth + 1));
        if (node.ValueKind != JsonValueKind.Object) return true;

        if (node.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            if (!node.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False) return false;
            var required = node.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()).ToHashSet()
                : [];
            foreach (var property in properties.EnumerateObject())
            {
                if (!required.Contains(property.Name) || !Check(property.Value, depth + 1)) return false;
            }
        }
        foreach (var keyword in (string[])["items", "anyOf", "$defs", "definitions"])
        {
            if (!node.TryGetProperty(keyword, out var child)) continue;
            var ok = child.ValueKind == JsonValueKind.Object && keyword is "$defs" or "definitions"
                ? child.EnumerateObject().All(p => Check(p.Value, depth + 1))
                : Check(child, depth + 1);
            if (!ok) return false;
        }
        return true;
    }
}
