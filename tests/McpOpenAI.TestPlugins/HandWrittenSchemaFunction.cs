using System.Text.Json;
using Microsoft.Extensions.AI;

namespace McpOpenAI.TestPlugins;

/// <summary>A function whose input schema is written by hand (2020-12 keywords, a reference, a closed object); it echoes its arguments.</summary>
public sealed class HandWrittenSchemaFunction : AIFunction
{
    /// <summary>The schema exactly as written.</summary>
    public const string SchemaJson = """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
         "$defs":{"point":{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"number"}},"required":["x","y"]}},
         "properties":{"label":{"type":"string","minLength":1},"at":{"$ref":"#/$defs/point"}},
         "required":["label"],"additionalProperties":false}
        """;

    private static readonly JsonElement Schema = JsonDocument.Parse(SchemaJson).RootElement.Clone();

    /// <inheritdoc />
    public override string Name => "place_label";

    /// <inheritdoc />
    public override string Description => "Places a label at a point (hand-written schema).";

    /// <inheritdoc />
    public override JsonElement JsonSchema => Schema;

    /// <inheritdoc />
    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object?>($"label={arguments["label"]}");
}
