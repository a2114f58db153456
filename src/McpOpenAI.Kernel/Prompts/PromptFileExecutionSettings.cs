using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// An <c>execution_settings</c> entry of a prompt file. Semantic Kernel turns it into <see cref="ChatOptions"/> itself
/// (<c>model_id</c>, <c>temperature</c>, <c>max_tokens</c>, …); this adds the OpenAI spellings its generic mapping does
/// not read: <c>response_format</c> as an object (<c>{ type: json_schema, json_schema: { name, schema } }</c>,
/// <c>{ type: json_object }</c>) and a single <c>stop_sequences</c> text.
/// </summary>
internal sealed class PromptFileExecutionSettings : PromptExecutionSettings
{
    public PromptFileExecutionSettings(PromptExecutionSettings settings)
    {
        ModelId = settings.ModelId;
        ServiceId = settings.ServiceId;
        FunctionChoiceBehavior = settings.FunctionChoiceBehavior;
        ExtensionData = settings.ExtensionData is { } data ? new Dictionary<string, object>(data) : null;
    }

    public override PromptExecutionSettings Clone() => new PromptFileExecutionSettings(this);

    /// <summary>The response format an OpenAI-style <c>response_format</c> object asks for; null when it is not one.</summary>
    public static ChatResponseFormat? ResponseFormatOf(JsonElement format)
    {
        if (format.ValueKind != JsonValueKind.Object || !format.TryGetProperty("type", out var type))
            return null;
        return type.ValueKind != JsonValueKind.String ? null : type.GetString() switch
        {
            "text" => ChatResponseFormat.Text,
            "json_object" => ChatResponseFormat.Json,
            "json_schema" when format.TryGetProperty("json_schema", out var spec) && spec.ValueKind == JsonValueKind.Object
                && spec.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.Object =>
                ChatResponseFormat.ForJsonSchema(schema.Clone(), Text(spec, "name"), Text(spec, "description")),
            _ => null,
        };
    }

    protected override void PrepareChatOptionsForRequest(ChatOptions options)
    {
        if (ExtensionData?.TryGetValue("response_format", out var format) == true && format is JsonElement { ValueKind: JsonValueKind.Object } spec)
            options.ResponseFormat = ResponseFormatOf(spec);
        if (ExtensionData?.TryGetValue("stop_sequences", out var stop) == true && stop is JsonElement { ValueKind: JsonValueKind.String } one)
        {
            options.StopSequences = [one.GetString()!];
            options.AdditionalProperties?.Remove("stop_sequences");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
