using System.Text.Json;
using Microsoft.Extensions.AI;

namespace McpOpenAI.ConformanceFixtures;

/// <summary>A tool whose input schema is written by hand with JSON Schema 2020-12 keywords (<c>$schema</c>, <c>$defs</c>, <c>$ref</c>).</summary>
public sealed class JsonSchema2020Tool : AIFunction
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "$defs": {
            "address": {
              "type": "object",
              "properties": { "street": { "type": "string" }, "city": { "type": "string" } }
            }
          },
          "properties": {
            "name": { "type": "string" },
            "address": { "$ref": "#/$defs/address" }
          },
          "additionalProperties": false
        }
        """).RootElement.Clone();

    /// <inheritdoc />
    public override string Name => "json_schema_2020_12_tool";

    /// <inheritdoc />
    public override string Description => "Tool with JSON Schema 2020-12 features";

    /// <inheritdoc />
    public override JsonElement JsonSchema => Schema;

    /// <inheritdoc />
    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object?>($"Hello, {(arguments.TryGetValue("name", out var name) ? name : "nobody")}.");
}
