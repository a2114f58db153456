using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>
/// Reads <c>response_format</c>: <c>"text"</c>, <c>"json_object"</c>, a JSON schema object, or OpenAI's own
/// <c>{"type":"json_schema","json_schema":{"name":…,"schema":…,"strict":…}}</c>.
/// </summary>
internal static class ResponseFormatParser
{
    private const string Argument = "response_format";
    private const string Allowed = "\"text\", \"json_object\", a JSON schema object (root type \"object\"), or {\"type\":\"json_schema\",\"json_schema\":{\"name\":…,\"schema\":{…}}}";
    private const string Example = "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}},\"required\":[\"answer\"],\"additionalProperties\":false}";

    /// <summary>The format and, for a schema, whether strict mode applies; null format means plain text.</summary>
    public static (ChatResponseFormat? Format, bool? Strict) Parse(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return (null, null);
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString()?.Trim().ToLowerInvariant();
            return text switch
            {
                "" or "text" => (ChatResponseFormat.Text, null),
                "json_object" or "json" => (ChatResponseFormat.Json, null),
                "json_schema" => throw FunctionException.InvalidArgument(Argument, "\"json_schema\" needs the schema itself.", Allowed, Example),
                _ => throw FunctionException.InvalidArgument(Argument, $"'{text}' is not a response format.", Allowed, "json_object"),
            };
        }
        if (element.ValueKind != JsonValueKind.Object)
            throw FunctionException.InvalidArgument(Argument, $"a {element.ValueKind.ToString().ToLowerInvariant()} is not a response format.", Allowed, "json_object");

        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "text" && !element.TryGetProperty("properties", out _)) return (ChatResponseFormat.Text, null);
        if (type == "json_object") return (ChatResponseFormat.Json, null);
        if (type == "json_schema")
        {
            if (!element.TryGetProperty("json_schema", out var wrapper) || wrapper.ValueKind != JsonValueKind.Object
                || !wrapper.TryGetProperty("schema", out var inner))
                throw FunctionException.InvalidArgument(Argument, "\"json_schema\" must hold an object with a \"schema\".", Allowed, Example);
            bool? strict = wrapper.TryGetProperty("strict", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : null;
            return Schema(inner, Text(wrapper, "name"), Text(wrapper, "description"), strict);
        }
        return Schema(element, null, null, null);
    }

    private static (ChatResponseFormat, bool?) Schema(JsonElement schema, string? name, string? description, bool? strict)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            throw FunctionException.InvalidArgument(Argument, "the schema must be a JSON object.", Allowed, Example);
        var rootType = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (rootType != "object")
            throw FunctionException.InvalidArgument(Argument, $"the schema's root must have \"type\": \"object\" (OpenAI's rule for structured output); it has {(rootType is null ? "no type" : $"\"{rootType}\"")}.", Allowed, Example);
        if (name is not null && (name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            throw FunctionException.InvalidArgument(Argument, $"the schema name '{name}' is invalid.", "letters, digits, _ and - (at most 64)", "answer");
        var useStrict = strict ?? StrictSchema.IsCompatible(schema);
        return (ChatResponseFormat.ForJsonSchema(schema.Clone(), name ?? "response", description), useStrict);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
