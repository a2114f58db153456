using System.Text.Json;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>
/// Finishes a prompt's <c>execution_settings</c> as Semantic Kernel read them: each entry becomes a
/// <see cref="PromptFileExecutionSettings"/>; a value Semantic Kernel would not pass on (<c>temperature: hot</c>) is an
/// error at its line rather than a setting silently lost; and when there is no <c>default</c> entry the first one is also
/// the default, because this kernel has one chat client and no service ids, so Semantic Kernel would find no service.
/// </summary>
internal static class ExecutionSettingsReader
{
    private const string Number = "a number";
    private const string WholeNumber = "a whole number";

    // The settings Semantic Kernel maps to ChatOptions properties, and what each must be.
    private static readonly Dictionary<string, string> Mapped = new(StringComparer.OrdinalIgnoreCase)
    {
        ["temperature"] = Number,
        ["top_p"] = Number,
        ["frequency_penalty"] = Number,
        ["presence_penalty"] = Number,
        ["max_tokens"] = WholeNumber,
        ["seed"] = WholeNumber,
        ["top_k"] = WholeNumber,
        ["stop_sequences"] = "a list of texts",
        ["response_format"] = "\"text\", \"json_object\" or { type: json_schema, json_schema: { name, schema } }",
    };

    /// <exception cref="PromptFileException">A setting has a value Semantic Kernel cannot use.</exception>
    public static Dictionary<string, PromptExecutionSettings> Read(Dictionary<string, PromptExecutionSettings> read, ConfigDocument document)
    {
        var result = new Dictionary<string, PromptExecutionSettings>(StringComparer.Ordinal);
        foreach (var (serviceId, entry) in read)
        {
            var settings = new PromptFileExecutionSettings(entry);
            Check(serviceId, settings, document);
            result[serviceId] = settings;
        }
        if (read.Count > 0 && !read.Keys.Any(k => k.Equals(PromptExecutionSettings.DefaultServiceId, StringComparison.OrdinalIgnoreCase)))
            result[PromptExecutionSettings.DefaultServiceId] = new PromptFileExecutionSettings(result.First().Value) { ServiceId = null };
        return result;
    }

    private static void Check(string serviceId, PromptFileExecutionSettings settings, ConfigDocument document)
    {
        var options = settings.ToChatOptions(kernel: null);
        foreach (var (key, value) in settings.ExtensionData ?? new Dictionary<string, object>())
        {
            if (!Mapped.TryGetValue(key, out var expected) || value is JsonElement { ValueKind: JsonValueKind.Null })
                continue;
            // Semantic Kernel keeps a value it could not convert as an extra option, by its key.
            var used = key.Equals("response_format", StringComparison.OrdinalIgnoreCase)
                ? options.ResponseFormat is not null
                : options.AdditionalProperties?.ContainsKey(key) != true;
            if (!used)
            {
                var written = value is JsonElement { ValueKind: JsonValueKind.String } text ? $"\"{text.GetString()}\"" : value is JsonElement json ? json.GetRawText() : value.ToString();
                throw document.Error($"'{key}' must be {expected}, not {written}.", ConfigDocument.Child(ConfigDocument.Child("execution_settings", serviceId), key));
            }
        }
    }
}
