using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// Turns a prompt's execution settings (Semantic Kernel's OpenAI names) into <see cref="ChatOptions"/>.
/// Settings it does not know travel in <see cref="ChatOptions.AdditionalProperties"/>.
/// </summary>
internal static class ChatOptionsMapper
{
    /// <summary>The settings a call uses: <c>default</c>, else the first entry; null when there are none.</summary>
    public static PromptExecutionSettings? Select(IReadOnlyList<PromptExecutionSettings> settings) =>
        settings.FirstOrDefault(s => s.ServiceId == PromptExecutionSettings.DefaultServiceId) ?? settings.FirstOrDefault();

    /// <summary>Builds fresh options from the settings.</summary>
    /// <exception cref="ArgumentException">A setting has the wrong type; <see cref="ArgumentException.ParamName"/> is its key.</exception>
    public static ChatOptions Create(PromptExecutionSettings? settings)
    {
        var options = new ChatOptions();
        if (settings is null)
            return options;
        options.ModelId = settings.ModelId;
        foreach (var (key, value) in settings.Settings)
        {
            if (value.ValueKind == JsonValueKind.Null)
                continue;
            switch (key)
            {
                case "temperature": options.Temperature = Number(key, value); break;
                case "top_p": options.TopP = Number(key, value); break;
                case "max_tokens": options.MaxOutputTokens = Integer(key, value); break;
                case "seed": options.Seed = Integer(key, value); break;
                case "frequency_penalty": options.FrequencyPenalty = Number(key, value); break;
                case "presence_penalty": options.PresencePenalty = Number(key, value); break;
                case "top_k": options.TopK = Integer(key, value); break;
                case "stop_sequences": options.StopSequences = StringList(key, value); break;
                case "response_format": options.ResponseFormat = ResponseFormat(key, value); break;
                case "service_id": break;
                default:
                    (options.AdditionalProperties ??= [])[key] = value.Clone();
                    break;
            }
        }
        return options;
    }

    private static float Number(string key, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetSingle()
        : value.ValueKind == JsonValueKind.String && float.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new ArgumentException($"'{key}' must be a number, not {Describe(value)}.", key);

    private static int Integer(string key, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new ArgumentException($"'{key}' must be a whole number, not {Describe(value)}.", key);

    private static List<string> StringList(string key, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new ArgumentException($"'{key}' must be a list of strings.", key)).ToList(),
        JsonValueKind.String => [value.GetString()!],
        _ => throw new ArgumentException($"'{key}' must be a list of strings, not {Describe(value)}.", key),
    };

    private static ChatResponseFormat ResponseFormat(string key, JsonElement value)
    {
        var type = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String => t.GetString(),
            _ => null,
        };
        switch (type)
        {
            case "text":
                return ChatResponseFormat.Text;
            case "json_object":
                return ChatResponseFormat.Json;
            case "json_schema" when value.ValueKind == JsonValueKind.Object:
                if (!value.TryGetProperty("json_schema", out var spec) || spec.ValueKind != JsonValueKind.Object)
                    throw new ArgumentException($"'{key}' of type json_schema needs a 'json_schema' object with 'name' and 'schema'.", key);
                if (!spec.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.Object)
                    throw new ArgumentException($"'{key}.json_schema' needs a 'schema' object.", key);
                return ChatResponseFormat.ForJsonSchema(schema.Clone(), OptionalString(spec, "name"), OptionalString(spec, "description"));
            default:
                throw new ArgumentException($"'{key}' must be \"text\", \"json_object\" or {{ type: json_schema, json_schema: {{ name, schema }} }}.", key);
        }
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        _ => value.GetRawText(),
    };
}
