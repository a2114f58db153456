using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
    private static readonly TypeRegistry Registered = new();

    /// <summary>Shared, read-only serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create(AIJsonUtilities.DefaultOptions.TypeInfoResolver);

    /// <summary>
    /// The metadata of <see cref="Options"/> with <see cref="JsonSerializer"/>'s default settings (no naming policy, the
    /// default escaping), for JSON that is not a function result: schemas written in prompt files, arguments as given.
    /// </summary>
    public static JsonSerializerOptions PlainOptions { get; } = new() { TypeInfoResolver = Options.TypeInfoResolver };

    /// <summary>
    /// The metadata of <see cref="Options"/> read permissively, as Semantic Kernel reads prompt configurations
    /// (trailing commas, comments, any case of property names).
    /// </summary>
    internal static JsonSerializerOptions PermissiveOptions { get; } = new(PlainOptions)
    {
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// <see cref="Options"/> without reflection: only source-generated metadata (this assembly's, Microsoft.Extensions.AI's and
    /// every <see cref="AddTypes"/> one). A NativeAOT build has nothing else; tests check with it that every type a function
    /// takes or returns is covered.
    /// </summary>
    internal static JsonSerializerOptions SourceGeneratedOptions { get; } = Create(JsonTypeInfoResolver.Combine(
        [.. AIJsonUtilities.DefaultOptions.TypeInfoResolverChain.Where(r => r is not DefaultJsonTypeInfoResolver)]));

    /// <summary>
    /// Adds source-generated metadata (an assembly's <see cref="JsonSerializerContext"/>) to <see cref="Options"/>. Each
    /// plugin assembly adds its own when it is registered, before any of its types is serialized: a NativeAOT build has no
    /// reflection-based serialization, and the options remember a type they could not resolve.
    /// </summary>
    public static void AddTypes(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Registered.Add(resolver);
    }

    private static JsonSerializerOptions Create(IJsonTypeInfoResolver? fallback)
    {
        // Enums are strings through SnakeCaseEnumConverter on each enum type: the reflection-free way (no converter
        // factory that makes generic types at run time).
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // Results travel inside JSON-RPC messages and model contexts: indentation is bytes and tokens nobody reads.
            WriteIndented = false,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(Registered, KernelJsonContext.Default, fallback),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The metadata of <typeparamref name="T"/> in <paramref name="options"/> (by default <see cref="Options"/>).</summary>
    /// <exception cref="NotSupportedException">No source-generated metadata covers the type (NativeAOT).</exception>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions? options = null) =>
        (JsonTypeInfo<T>)(options ?? Options).GetTypeInfo(typeof(T));

    /// <summary>Serializes a value with <see cref="Options"/> (or <paramref name="options"/>, made from them).</summary>
    public static string Serialize<T>(T value, JsonSerializerOptions? options = null) => JsonSerializer.Serialize(value, TypeInfo<T>(options));

    /// <summary>Serializes a value to a <see cref="JsonElement"/>.</summary>
    public static JsonElement SerializeToElement<T>(T value, JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToElement(value, TypeInfo<T>(options));

    /// <summary>Serializes a value to UTF-8 bytes.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>(options));

    /// <summary>Reads a value from JSON text.</summary>
    public static T? Deserialize<T>(string json, JsonSerializerOptions? options = null) => JsonSerializer.Deserialize(json, TypeInfo<T>(options));

    /// <summary>Reads a value from UTF-8 JSON.</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> json, JsonSerializerOptions? options = null) => JsonSerializer.Deserialize(json, TypeInfo<T>(options));

    /// <summary>Reads a value from a JSON element.</summary>
    public static T? Deserialize<T>(JsonElement json, JsonSerializerOptions? options = null) => JsonSerializer.Deserialize(json, TypeInfo<T>(options));

    // The resolvers AddTypes added, asked in order. Copy on write: reads take no lock.
    private sealed class TypeRegistry : IJsonTypeInfoResolver
    {
        private IJsonTypeInfoResolver[] _resolvers = [];

        public void Add(IJsonTypeInfoResolver resolver)
        {
            IJsonTypeInfoResolver[] current, updated;
            do
            {
                current = Volatile.Read(ref _resolvers);
                if (current.Contains(resolver))
                    return;
                updated = [.. current, resolver];
            }
            while (Interlocked.CompareExchange(ref _resolvers, updated, current) != current);
        }

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            foreach (var resolver in Volatile.Read(ref _resolvers))
            {
                if (resolver.GetTypeInfo(type, options) is { } info)
                    return info;
            }
            return null;
        }
    }

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
