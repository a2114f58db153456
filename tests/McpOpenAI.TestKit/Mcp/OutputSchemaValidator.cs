using System.Text.Json;
using Json.Schema;

namespace McpOpenAI.TestKit.Mcp;

/// <summary>
/// Checks a tool result the way the TypeScript and Python MCP SDK clients do: a tool with an <c>outputSchema</c>
/// must return <c>structuredContent</c> on every non-error result, and that content must validate against the
/// schema (JSON Schema, checked here with JsonSchema.Net).
/// </summary>
public static class OutputSchemaValidator
{
    /// <summary>The problems with a <c>tools/call</c> result (empty when there are none).</summary>
    /// <param name="tool">The tool's name, for the messages.</param>
    /// <param name="outputSchema">The tool's declared output schema, or null when it declares none.</param>
    /// <param name="result">The <c>tools/call</c> result object.</param>
    public static IReadOnlyList<string> Check(string tool, JsonElement? outputSchema, JsonElement result)
    {
        if (outputSchema is not { ValueKind: JsonValueKind.Object } schemaJson)
            return [];
        if (result.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True)
            return [];
        if (!result.TryGetProperty("structuredContent", out var structured) || structured.ValueKind == JsonValueKind.Null)
            return [$"Tool {tool} has an output schema but did not return structured content."];

        var schema = JsonSchema.FromText(schemaJson.GetRawText(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"urn:mcpopenai:output-schema:{Uri.EscapeDataString(tool)}:{Guid.NewGuid():N}"));
        var evaluation = schema.Evaluate(structured, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (evaluation.IsValid)
            return [];
        var problems = (evaluation.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Key}: {e.Value}"))
            .Distinct()
            .ToList();
        return [$"Structured content of {tool} does not match its output schema: {(problems.Count == 0 ? "invalid" : string.Join("; ", problems))}"];
    }
}
