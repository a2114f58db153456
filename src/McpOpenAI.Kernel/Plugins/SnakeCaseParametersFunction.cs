using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Errors;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// Presents a reflected function's parameters in snake_case (<c>maxTokens</c> → <c>max_tokens</c>), the
/// convention of OpenAI's API and of MCP tools, and maps incoming arguments back. The camelCase
/// spelling is still accepted, so callers that guess the .NET name are not punished.
/// </summary>
internal sealed class SnakeCaseParametersFunction : DelegatingAIFunction
{
    private readonly Dictionary<string, string> _toInner;
    private readonly string[] _required;
    private readonly IReadOnlyDictionary<string, object?> _properties;

    public SnakeCaseParametersFunction(AIFunction inner, IReadOnlyDictionary<string, object?> additionalProperties)
        : base(inner)
    {
        _properties = additionalProperties;
        _toInner = new(StringComparer.Ordinal);
        var schema = JsonNode.Parse(inner.JsonSchema.GetRawText())!.AsObject();
        if (schema["properties"] is JsonObject props)
        {
            var renamed = new JsonObject();
            foreach (var (name, value) in props.ToList())
            {
                var snake = Naming.ToSnakeCase(name);
                _toInner[snake] = name;
                props.Remove(name);
                renamed[snake] = value;
            }
            schema["properties"] = renamed;
            if (schema["required"] is JsonArray required)
                schema["required"] = new JsonArray(required.Select(r => (JsonNode?)Naming.ToSnakeCase(r!.GetValue<string>())).ToArray());
        }
        _required = schema["required"] is JsonArray names ? names.Select(n => n!.GetValue<string>()).ToArray() : [];
        JsonSchema = JsonSerializer.SerializeToElement(schema, KernelJson.Options);
    }

    public override JsonElement JsonSchema { get; }

    public override IReadOnlyDictionary<string, object?> AdditionalProperties => _properties;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        foreach (var name in _required)
        {
            if (!arguments.ContainsKey(name) && !arguments.ContainsKey(_toInner[name]))
                throw FunctionException.InvalidArgument(name, "a value is required but none was given.");
        }
        var mapped = new AIFunctionArguments
        {
            Services = arguments.Services,
            Context = arguments.Context,
        };
        foreach (var (key, value) in arguments)
        {
            mapped[_toInner.TryGetValue(key, out var inner) ? inner : key] = value;
        }
        return base.InvokeCoreAsync(mapped, cancellationToken);
    }
}
