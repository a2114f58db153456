using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Server.Jobs;

/// <summary>The schemas of long-running tools (their extra <c>wait_seconds</c>, their second result shape) and of the job tools.</summary>
internal static class JobSchemas
{
    private const string OriginalPointer = "#/anyOf/0";

    /// <summary>The structured content of a job status.</summary>
    public static JsonElement Status { get; } = ResultSchemaOf(typeof(JobStatusView));

    /// <summary>The structured content of list_jobs.</summary>
    public static JsonElement List { get; } = ResultSchemaOf(typeof(JobList));

    /// <summary>The <c>wait_seconds</c> property: how long to wait before a job id comes back instead.</summary>
    public static JsonObject WaitProperty(int defaultSeconds, string what) => new()
    {
        ["type"] = "integer",
        ["minimum"] = 0,
        ["maximum"] = WaitSeconds.Maximum,
        ["description"] = $"Seconds to wait for {what} before answering with a job id instead (0-{WaitSeconds.Maximum}; default {defaultSeconds}). " +
            "The work goes on either way; get_job fetches the result.",
    };

    /// <summary>An input schema with no properties.</summary>
    public static JsonElement NoInput { get; } = ToElement(new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() });

    /// <summary>An input schema with a required <c>job</c> and the given other properties.</summary>
    public static JsonElement JobInput(params (string Name, JsonObject Schema)[] others)
    {
        var properties = new JsonObject
        {
            [JobId.Argument] = new JsonObject { ["type"] = "string", ["description"] = "The job id (job_...) a long-running tool returned; list_jobs shows yours." },
        };
        foreach (var (name, schema) in others)
            properties[name] = schema;
        return ToElement(new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray(JobId.Argument) });
    }

    /// <summary>The input schema with <c>wait_seconds</c> added; null when the function already has a parameter of that name.</summary>
    public static JsonElement? WithWait(JsonElement input, int defaultSeconds)
    {
        if (JsonNode.Parse(input.GetRawText()) is not JsonObject root)
            return null;
        if (root["properties"] is not JsonObject properties)
            root["properties"] = properties = [];
        if (properties.ContainsKey(WaitSeconds.Name))
            return null;
        properties[WaitSeconds.Name] = WaitProperty(defaultSeconds, "the result");
        return ToElement(root);
    }

    /// <summary>
    /// An output schema that admits the tool's own result and a job status: <c>{"type":"object","anyOf":[original, status]}</c>.
    /// The root stays an object schema, as the TypeScript SDK requires; references inside the original are rebased onto its new place.
    /// </summary>
    public static JsonElement? OrStatus(JsonElement? output)
    {
        if (output is not { } schema || JsonNode.Parse(schema.GetRawText()) is not JsonObject original)
            return output;
        var root = new JsonObject { ["type"] = "object" };
        // The dialect belongs at the root; a description keeps showing where clients look for it.
        if (original["$schema"] is { } dialect)
        {
            original.Remove("$schema");
            root["$schema"] = dialect;
        }
        if (original["description"] is JsonValue description)
            root["description"] = description.DeepClone();
        Rebase(original);
        root["anyOf"] = new JsonArray(original, JsonNode.Parse(Status.GetRawText()));
        return ToElement(root);
    }

    private static void Rebase(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var pointer) && pointer.StartsWith('#'))
                    obj["$ref"] = OriginalPointer + pointer[1..];
                // Literal values are data, not schemas: a "$ref" key in them stays as written.
                foreach (var (key, child) in obj.ToArray())
                {
                    if (child is not null && key is not ("enum" or "const" or "default" or "examples"))
                        Rebase(child);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                        Rebase(item);
                }
                break;
        }
    }

    private static JsonElement ResultSchemaOf(Type type) =>
        KernelJson.ResultSchema(AIJsonUtilities.CreateJsonSchema(type, serializerOptions: ServerJson.Options));

    private static JsonElement ToElement(JsonNode node) =>
        JsonSerializer.SerializeToElement(node, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonNode)));
}
