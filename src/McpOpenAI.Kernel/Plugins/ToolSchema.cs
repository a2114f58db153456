using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// How a kernel function looks as a tool: its input schema with parameters in snake_case (<c>maxTokens</c> →
/// <c>max_tokens</c>, the convention of OpenAI's API and of MCP tools), the map back to the function's own parameter
/// names, and its result schema. A schema written by hand (<see cref="KernelFunctions.InputSchemaKey"/>) or given by the
/// function's prompt (<see cref="PromptDescriptor.InputSchema"/>) is kept as written.
/// </summary>
public sealed class ToolSchema
{
    private readonly Dictionary<string, string> _toParameter = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _checked;

    private ToolSchema(KernelFunction function, KernelPlugin? plugin)
    {
        var prompt = plugin is IPromptPlugin prompts && prompts.TryGetPrompt(function.Name, out var found) ? found.InputSchema : null;
        var written = function.Metadata.AdditionalProperties.TryGetValue(KernelFunctions.InputSchemaKey, out var value) ? value as JsonElement? : null;
        if ((prompt ?? written) is { } exact)
        {
            InputSchema = exact;
            foreach (var parameter in function.Metadata.Parameters)
                _toParameter[parameter.Name] = parameter.Name;
        }
        else
        {
            InputSchema = SnakeCase(function.UnderlyingMethod is { } method && method.GetCustomAttribute<KernelFunctionAttribute>() is not null
                ? MethodSchema(method)
                : function.JsonSchema);
        }
        Required = InputSchema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Select(n => n.GetString()!).ToArray()
            : [];
        OutputSchema = OutputSchemaOf(function);
        // A prompt checks its own variables when it renders, naming the prompt and what the missing variable is for.
        _checked = prompt is null ? Required : [];

        JsonElement SnakeCase(JsonElement schema)
        {
            var root = JsonNode.Parse(schema.GetRawText())!.AsObject();
            // Semantic Kernel's own schema repeats the function's description under a non-standard key; tools carry it already.
            root.Remove("condition");
            if (root["properties"] is JsonObject properties)
            {
                var renamed = new JsonObject();
                foreach (var (name, value) in properties.ToList())
                {
                    var snake = Naming.ToSnakeCase(name);
                    _toParameter[snake] = name;
                    properties.Remove(name);
                    renamed[snake] = value;
                }
                root["properties"] = renamed;
                if (root["required"] is JsonArray names)
                    root["required"] = new JsonArray(names.Select(n => (JsonNode?)Naming.ToSnakeCase(n!.GetValue<string>())).ToArray());
            }
            return KernelJson.SerializeToElement<JsonNode>(root);
        }
    }

    /// <summary>The input schema a tool shows.</summary>
    public JsonElement InputSchema { get; }

    /// <summary>The result schema, or null when the result is text or rich content (MCP structured content needs an object).</summary>
    public JsonElement? OutputSchema { get; }

    /// <summary>The arguments that must be given, as the tool names them.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>The schema of a function, computed once per function.</summary>
    /// <param name="function">The function.</param>
    /// <param name="plugin">The function's plugin; when the function is one of its prompts, the prompt's input schema is used.</param>
    public static ToolSchema Of(KernelFunction function, KernelPlugin? plugin = null) => new(function, plugin);

    /// <summary>
    /// The function's arguments from a caller's: each name mapped back to the function's parameter (the function's own
    /// spelling is accepted too); a missing required argument is an error that names it as the tool does.
    /// </summary>
    /// <exception cref="Errors.FunctionException">A required argument is missing.</exception>
    public KernelArguments ToArguments(IEnumerable<KeyValuePair<string, object?>> given)
    {
        var arguments = new KernelArguments();
        foreach (var (name, value) in given)
            arguments[_toParameter.TryGetValue(name, out var parameter) ? parameter : name] = value;
        foreach (var name in _checked)
        {
            var parameter = _toParameter.TryGetValue(name, out var p) ? p : name;
            if (!arguments.TryGetValue(parameter, out var value) || value is null or JsonElement { ValueKind: JsonValueKind.Null })
                throw Errors.FunctionException.InvalidArgument(name, "a value is required but none was given.");
        }
        return arguments;
    }

    // A plugin method's parameters as Microsoft.Extensions.AI describes them (nullable types, defaults), without the ones
    // Semantic Kernel supplies itself (the kernel, services marked [FromKernelServices], the cancellation token).
    private static JsonElement MethodSchema(MethodInfo method) =>
        AIJsonUtilities.CreateFunctionJsonSchema(method, title: string.Empty, description: string.Empty, KernelJson.Options, new AIJsonSchemaCreateOptions
        {
            IncludeParameter = p => p.GetCustomAttribute<FromKernelServicesAttribute>() is null && !SuppliedByKernel.Contains(p.ParameterType),
        });

    private static readonly HashSet<Type> SuppliedByKernel =
    [
        typeof(Microsoft.SemanticKernel.Kernel), typeof(KernelFunction), typeof(KernelArguments), typeof(CancellationToken),
        typeof(Microsoft.Extensions.Logging.ILogger), typeof(Microsoft.Extensions.Logging.ILoggerFactory), typeof(System.Globalization.CultureInfo), typeof(IFormatProvider),
    ];

    // Structured content is an object: functions returning text, rich content or nothing declare no result schema.
    // The schema follows the serializer's rule (a property that may be null is optional), so every result validates.
    private static JsonElement? OutputSchemaOf(KernelFunction function)
    {
        JsonElement? schema = function.Metadata.AdditionalProperties.TryGetValue(KernelFunctions.OutputSchemaKey, out var declared) && declared is JsonElement given
            ? given
            : function.Metadata.ReturnParameter.ParameterType is { } type && Unwrap(type) is { } value && IsStructured(value)
                ? AIJsonUtilities.CreateJsonSchema(value, serializerOptions: KernelJson.Options)
                : null;
        return schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "object"
            ? KernelJson.ResultSchema(s)
            : null;
    }

    private static Type? Unwrap(Type type)
    {
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            return type.GetGenericArguments()[0];
        return type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void) ? null : type;
    }

    private static bool IsStructured(Type type) =>
        type != typeof(object) && type != typeof(string) && type != typeof(FunctionOutput) && type != typeof(JsonElement)
        && !typeof(AIContent).IsAssignableFrom(type) && !type.IsPrimitive;
}
