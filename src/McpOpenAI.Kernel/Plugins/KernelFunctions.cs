using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>Kernel functions made from <see cref="AIFunction"/>s, keeping what they declare exactly as written.</summary>
public static class KernelFunctions
{
    /// <summary>The key of a function's hand-written input schema in <see cref="KernelFunctionMetadata.AdditionalProperties"/>.</summary>
    public const string InputSchemaKey = "mcpopenai.input_schema";

    /// <summary>The key of a function's declared output schema in <see cref="KernelFunctionMetadata.AdditionalProperties"/>.</summary>
    public const string OutputSchemaKey = "mcpopenai.output_schema";

    /// <summary>
    /// A kernel function that calls <paramref name="function"/>: calls go through the kernel's filters like any other,
    /// and hosts offer its input schema (and output schema, and <see cref="FunctionTraits"/> from its additional
    /// properties) exactly as the function declares them. This is how MCP servers' tools and hand-written functions
    /// join a kernel.
    /// </summary>
    public static KernelFunction FromAIFunction(AIFunction function, FunctionTraits? traits = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        var metadata = new Dictionary<string, object?> { [InputSchemaKey] = function.JsonSchema };
        if (function.ReturnJsonSchema is { } output)
            metadata[OutputSchemaKey] = output;
        if ((traits ?? (function.AdditionalProperties.TryGetValue(FunctionTraits.PropertyKey, out var t) ? t as FunctionTraits : null)) is { } known)
            metadata[FunctionTraits.PropertyKey] = known;
        return KernelFunctionFactory.CreateFromMethod(
            (KernelArguments arguments, CancellationToken cancellationToken) => function.InvokeAsync(new AIFunctionArguments(arguments), cancellationToken),
            KernelJson.Options,
            new KernelFunctionFromMethodOptions
            {
                FunctionName = function.Name,
                Description = function.Description,
                Parameters = ParametersOf(function.JsonSchema),
                ReturnParameter = new KernelReturnParameterMetadata(KernelJson.Options) { ParameterType = typeof(object) },
                AdditionalMetadata = new(metadata),
            });
    }

    private static List<KernelParameterMetadata> ParametersOf(JsonElement schema)
    {
        var parameters = new List<KernelParameterMetadata>();
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            return parameters;
        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(n => n.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in properties.EnumerateObject())
        {
            parameters.Add(new KernelParameterMetadata(property.Name, KernelJson.Options)
            {
                Description = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("description", out var d) ? d.GetString() : null,
                IsRequired = required.Contains(property.Name),
                Schema = KernelJsonSchema.Parse(property.Value.GetRawText()),
            });
        }
        return parameters;
    }
}
