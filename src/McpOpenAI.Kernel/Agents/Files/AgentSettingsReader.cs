using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>
/// Reads the keys an agent file shares with Semantic Kernel's prompt YAML — <c>input_variables</c> and
/// <c>execution_settings</c> — into Semantic Kernel's own <see cref="InputVariable"/> and <see cref="PromptExecutionSettings"/>.
/// </summary>
internal static class AgentSettingsReader
{
    private static readonly string[] VariableKeys = ["name", "description", "default", "is_required", "json_schema", "allow_dangerously_set_content", "sample"];
    private static readonly string[] NumberSettings = ["temperature", "top_p", "frequency_penalty", "presence_penalty"];
    private static readonly string[] WholeSettings = ["max_tokens", "seed", "top_k"];

    public static List<InputVariable> ReadInputVariables(YamlMap root)
    {
        var result = new List<InputVariable>();
        var items = root.List("input_variables", "each with at least a 'name'") ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = root.Item(items[i], "input_variables", i, "Each input variable must be a mapping with at least a 'name'.");
            item.CheckKeys(VariableKeys);
            var name = item.Text("name");
            if (string.IsNullOrWhiteSpace(name))
                throw item.Error("An input variable has no 'name'.");
            if (result.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw item.Error($"The input variable '{name}' is declared twice.");
            var schema = item.Value("json_schema");
            result.Add(new InputVariable
            {
                Name = name,
                Description = item.Text("description"),
                Default = item.Scalar("default"),
                IsRequired = item.Bool("is_required") ?? true,
                JsonSchema = schema switch
                {
                    null => null,
                    string text => text,
                    IDictionary<string, object?> map => KernelJson.Serialize(map, KernelJson.PlainOptions),
                    _ => throw item.Error("'json_schema' must be a JSON schema object (or text holding one)."),
                },
                AllowDangerouslySetContent = item.Bool("allow_dangerously_set_content") ?? false,
            });
        }
        return result;
    }

    public static Dictionary<string, PromptExecutionSettings> ReadExecutionSettings(YamlMap root)
    {
        var result = new Dictionary<string, PromptExecutionSettings>(StringComparer.Ordinal);
        if (root.Map("execution_settings", "a service id such as 'default', then its settings") is not { } services)
            return result;
        services.CheckKeys(null);
        foreach (var serviceId in services.Keys)
        {
            var settings = services.Map(serviceId, "model_id, temperature, max_tokens, …")
                ?? throw services.Error($"The execution settings '{serviceId}' must be a mapping (model_id, temperature, …).");
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var key in settings.Keys.Where(k => k is not "model_id" and not "service_id"))
            {
                object? value = NumberSettings.Contains(key) ? settings.Number(key)
                    : WholeSettings.Contains(key) ? settings.Integer(key, int.MinValue, "a whole number")
                    : key == "stop_sequences" ? StopSequences(settings)
                    : key == "response_format" ? ResponseFormat(settings)
                    : settings.Value(key);
                if (value is not null)
                    values[key] = value;
            }
            result[serviceId] = new PromptExecutionSettings
            {
                ServiceId = serviceId,
                ModelId = settings.Text("model_id"),
                ExtensionData = values,
            };
        }
        return result;
    }

    private static List<string>? StopSequences(YamlMap settings) => settings.Value("stop_sequences") switch
    {
        null => null,
        string one => [one],
        List<object?> many when many.All(s => s is string) => many.Cast<string>().ToList(),
        _ => throw settings.ErrorAt("stop_sequences", "'stop_sequences' must be a list of strings."),
    };

    // Semantic Kernel reads "text" and "json_object" as they are, and a JSON value as the schema of the answer.
    private static object? ResponseFormat(YamlMap settings) => settings.Value("response_format") switch
    {
        null => null,
        "text" or "json_object" => settings.Text("response_format"),
        IDictionary<string, object?> { } map when map.TryGetValue("json_schema", out var spec) && spec is IDictionary<string, object?> inner
            && inner.TryGetValue("schema", out var schema) && schema is IDictionary<string, object?> =>
            KernelJson.SerializeToElement(schema, KernelJson.PlainOptions),
        _ => throw settings.ErrorAt("response_format", "'response_format' must be \"text\", \"json_object\" or { type: json_schema, json_schema: { name, schema } }."),
    };
}
