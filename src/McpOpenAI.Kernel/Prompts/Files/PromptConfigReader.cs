using System.Text.Json;
using System.Text.Json.Nodes;
using McpOpenAI.Kernel.Prompts.Templates;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>
/// Reads a prompt's configuration into Semantic Kernel's <see cref="PromptTemplateConfig"/> with Semantic Kernel's own
/// reader (<see cref="PromptTemplateConfig.FromJson(string)"/>), after checking the keys and shapes so every mistake is
/// reported with its line. In YAML an unknown key is an error (as in Semantic Kernel's YAML reader); in <c>config.json</c>
/// it is ignored with a warning (Semantic Kernel's JSON reader ignores it silently). Values Semantic Kernel reads as text
/// (<c>name</c>, <c>description</c>, a variable's <c>default</c>) may be written as plain YAML numbers or booleans, and a
/// <c>json_schema</c> may be written as a mapping rather than as text.
/// </summary>
internal sealed class PromptConfigReader(ConfigDocument document, bool strict)
{
    private static readonly string[] TopLevelKeys =
        ["name", "description", "template_format", "template", "input_variables", "output_variable", "execution_settings", "allow_dangerously_set_content"];
    // Keys of Semantic Kernel's older config.json format, which its reader skips.
    private static readonly string[] JsonOnlyKeys = ["schema", "type"];
    private static readonly string[] InputVariableKeys =
        ["name", "description", "default", "is_required", "json_schema", "allow_dangerously_set_content", "sample"];
    private static readonly string[] OutputVariableKeys = ["description", "json_schema"];

    private readonly List<(string Message, SourcePosition? Position)> _warnings = [];

    /// <summary>Ignored keys found while reading.</summary>
    public IReadOnlyList<(string Message, SourcePosition? Position)> Warnings => _warnings;

    /// <summary>Reads the configuration; <paramref name="template"/> (from <c>skprompt.txt</c>) wins over a <c>template</c> key.</summary>
    /// <exception cref="PromptFileException">The configuration is not valid; the position is set where known.</exception>
    public PromptTemplateConfig Read(string defaultName, string? template)
    {
        var root = (JsonObject)document.Root.DeepClone();
        CheckKeys(root, string.Empty, strict ? TopLevelKeys : [.. TopLevelKeys, .. JsonOnlyKeys]);
        foreach (var key in JsonOnlyKeys)
            root.Remove(key);
        foreach (var key in (string[])["name", "description", "template", "template_format"])
            AsText(root, key, string.Empty);
        if (template is not null)
            root["template"] = template;
        else if (root["template"] is null)
            throw document.Error("The prompt has no 'template'.", string.Empty);
        ReadInputVariables(root);
        ReadOutputVariable(root);
        CheckExecutionSettings(root);

        var config = Deserialize(root);
        config.Name ??= defaultName;
        if (config.TemplateFormat != PromptTemplateConfig.SemanticKernelTemplateFormat && config.TemplateFormat != HandlebarsPromptTemplateFactory.HandlebarsTemplateFormat)
            throw document.Error($"Unknown template_format '{config.TemplateFormat}'; use '{PromptTemplateConfig.SemanticKernelTemplateFormat}' or '{HandlebarsPromptTemplateFactory.HandlebarsTemplateFormat}'.", "template_format");
        config.ExecutionSettings = ExecutionSettingsReader.Read(config.ExecutionSettings, document);
        return config;
    }

    private PromptTemplateConfig Deserialize(JsonObject root)
    {
        try
        {
            // The overload with options reads through source-generated metadata (NativeAOT); it is marked experimental.
#pragma warning disable SKEXP0120
            return PromptTemplateConfig.FromJson(root.ToJsonString(), KernelJson.PermissiveOptions);
#pragma warning restore SKEXP0120
        }
        catch (ArgumentException ex) when (ex.InnerException is JsonException json)
        {
            var path = json.Path is { } p ? p.TrimStart('$').TrimStart('.') : string.Empty;
            var at = json.Message.IndexOf(" Path:", StringComparison.Ordinal);
            throw document.Error($"'{path[(path.LastIndexOf('.') + 1)..]}' has the wrong type: {(at > 0 ? json.Message[..at] : json.Message)}", path);
        }
        catch (ArgumentException ex)
        {
            throw document.Error(ex.Message, string.Empty);
        }
    }

    private void ReadInputVariables(JsonObject root)
    {
        if (root["input_variables"] is not { } node)
            return;
        if (node is not JsonArray array)
            throw document.Error("'input_variables' must be a list.", "input_variables");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < array.Count; i++)
        {
            var path = ConfigDocument.Item("input_variables", i);
            if (array[i] is not JsonObject item)
                throw document.Error("Each input variable must be a mapping with at least a 'name'.", path);
            CheckKeys(item, path, InputVariableKeys);
            foreach (var key in (string[])["name", "description", "default"])
                AsText(item, key, path);
            var name = item["name"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(name))
                throw document.Error("An input variable has no 'name'.", path);
            if (!names.Add(name))
                throw document.Error($"The input variable '{name}' is declared twice.", ConfigDocument.Child(path, "name"));
            SchemaAsText(item, path);
        }
    }

    private void ReadOutputVariable(JsonObject root)
    {
        if (root["output_variable"] is not { } node)
            return;
        if (node is not JsonObject item)
            throw document.Error("'output_variable' must be a mapping (description, json_schema).", "output_variable");
        CheckKeys(item, "output_variable", OutputVariableKeys);
        AsText(item, "description", "output_variable");
        SchemaAsText(item, "output_variable");
    }

    private void CheckExecutionSettings(JsonObject root)
    {
        if (root["execution_settings"] is not { } node)
            return;
        if (node is not JsonObject services)
            throw document.Error("'execution_settings' must be a mapping from a service id (e.g. 'default') to settings.", "execution_settings");
        foreach (var (serviceId, settings) in services)
        {
            if (settings is not JsonObject)
                throw document.Error($"The execution settings '{serviceId}' must be a mapping (model_id, temperature, …).", ConfigDocument.Child("execution_settings", serviceId));
        }
    }

    private void CheckKeys(JsonObject node, string path, IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, _) in node)
        {
            if (allowed.Contains(key))
                continue;
            var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
            var message = $"Unknown key '{key}' {where}. Known keys: {string.Join(", ", allowed)}.";
            if (strict)
                throw document.Error(message, ConfigDocument.Child(path, key));
            _warnings.Add(($"{message} It is ignored.", document.PositionOf(ConfigDocument.Child(path, key))));
        }
    }

    // Semantic Kernel reads these as text; YAML may have typed a plain scalar as a number or a boolean.
    private void AsText(JsonObject node, string key, string path)
    {
        switch (node[key])
        {
            case null:
                return;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return;
            case JsonValue value:
                node[key] = value.ToJsonString();
                return;
            default:
                throw document.Error($"'{key}' must be text.", ConfigDocument.Child(path, key));
        }
    }

    // Semantic Kernel reads a schema as text holding JSON; a mapping is accepted too.
    private void SchemaAsText(JsonObject node, string path)
    {
        var at = ConfigDocument.Child(path, "json_schema");
        switch (node["json_schema"])
        {
            case null:
                return;
            case JsonObject schema:
                node["json_schema"] = schema.ToJsonString();
                return;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    if (JsonNode.Parse(value.GetValue<string>()) is JsonObject)
                        return;
                }
                catch (JsonException ex)
                {
                    throw document.Error($"'json_schema' is not valid JSON: {ex.Message}", at);
                }
                throw document.Error("'json_schema' must be a JSON object.", at);
            default:
                throw document.Error("'json_schema' must be a JSON schema object (or a string holding one).", at);
        }
    }
}
