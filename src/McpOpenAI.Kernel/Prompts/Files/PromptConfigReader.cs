using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>
/// Reads Semantic Kernel's prompt configuration keys from a <see cref="ConfigDocument"/>. In YAML an unknown key
/// is an error (as in Semantic Kernel's strict YAML reader); in <c>config.json</c> it is ignored with a warning
/// (as Semantic Kernel's JSON reader ignores it).
/// </summary>
internal sealed class PromptConfigReader
{
    private static readonly string[] TopLevelKeys =
        ["name", "description", "template_format", "template", "input_variables", "output_variable", "execution_settings", "allow_dangerously_set_content"];
    private static readonly string[] JsonOnlyKeys = ["schema", "type"];
    private static readonly string[] InputVariableKeys =
        ["name", "description", "default", "is_required", "json_schema", "allow_dangerously_set_content", "sample"];
    private static readonly string[] OutputVariableKeys = ["description", "json_schema"];

    private readonly ConfigDocument _document;
    private readonly bool _strict;
    private readonly List<(string Message, SourcePosition? Position)> _warnings = [];

    public PromptConfigReader(ConfigDocument document, bool strict)
    {
        _document = document;
        _strict = strict;
    }

    /// <summary>Ignored keys and other harmless oddities found while reading.</summary>
    public IReadOnlyList<(string Message, SourcePosition? Position)> Warnings => _warnings;

    /// <summary>Reads the configuration; <paramref name="template"/> (from <c>skprompt.txt</c>) wins over a <c>template</c> key.</summary>
    public PromptDefinition Read(string defaultName, string? template, string sourcePath)
    {
        var root = _document.Root;
        CheckKeys(root, string.Empty, _strict ? TopLevelKeys : [.. TopLevelKeys, .. JsonOnlyKeys]);

        var name = String(root, "name") ?? defaultName;
        template ??= String(root, "template") ?? throw Error("The prompt has no 'template'.", "");
        var format = String(root, "template_format") ?? PromptTemplateFormats.SemanticKernel;
        if (format is not PromptTemplateFormats.SemanticKernel and not PromptTemplateFormats.Handlebars)
            throw Error($"Unknown template_format '{format}'; use '{PromptTemplateFormats.SemanticKernel}' or '{PromptTemplateFormats.Handlebars}'.", "template_format");

        var variables = ReadInputVariables(root);
        return new PromptDefinition
        {
            Name = name,
            Description = String(root, "description"),
            Template = template,
            TemplateFormat = format,
            InputVariables = variables ?? [],
            InputVariablesDeclared = variables is { Count: > 0 },
            OutputVariable = ReadOutputVariable(root),
            ExecutionSettings = ReadExecutionSettings(root),
            AllowDangerouslySetContent = Bool(root, "allow_dangerously_set_content", string.Empty) ?? false,
            SourcePath = sourcePath,
        };
    }

    private List<PromptInputVariable>? ReadInputVariables(JsonObject root)
    {
        if (root["input_variables"] is not { } node)
            return null;
        if (node is not JsonArray array)
            throw Error("'input_variables' must be a list.", "input_variables");
        var result = new List<PromptInputVariable>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = ConfigDocument.Item("input_variables", i);
            if (array[i] is not JsonObject item)
                throw Error("Each input variable must be a mapping with at least a 'name'.", path);
            CheckKeys(item, path, InputVariableKeys);
            var name = String(item, "name", path);
            if (string.IsNullOrWhiteSpace(name))
                throw Error("An input variable has no 'name'.", path);
            if (result.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw Error($"The input variable '{name}' is declared twice.", ConfigDocument.Child(path, "name"));
            result.Add(new PromptInputVariable
            {
                Name = name,
                Description = String(item, "description", path),
                Default = ScalarText(item, "default", path),
                IsRequired = Bool(item, "is_required", path) ?? true,
                JsonSchema = Schema(item, path),
                AllowDangerouslySetContent = Bool(item, "allow_dangerously_set_content", path) ?? false,
            });
        }
        return result;
    }

    private PromptOutputVariable? ReadOutputVariable(JsonObject root)
    {
        if (root["output_variable"] is not { } node)
            return null;
        if (node is not JsonObject item)
            throw Error("'output_variable' must be a mapping (description, json_schema).", "output_variable");
        CheckKeys(item, "output_variable", OutputVariableKeys);
        return new PromptOutputVariable(String(item, "description", "output_variable"), Schema(item, "output_variable"));
    }

    private List<PromptExecutionSettings> ReadExecutionSettings(JsonObject root)
    {
        var result = new List<PromptExecutionSettings>();
        if (root["execution_settings"] is not { } node)
            return result;
        if (node is not JsonObject services)
            throw Error("'execution_settings' must be a mapping from a service id (e.g. 'default') to settings.", "execution_settings");
        foreach (var (serviceId, value) in services)
        {
            var path = ConfigDocument.Child("execution_settings", serviceId);
            if (value is not JsonObject settings)
                throw Error($"The execution settings '{serviceId}' must be a mapping (model_id, temperature, …).", path);
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var (key, setting) in settings)
            {
                if (key != "model_id")
                    values[key] = JsonSerializer.SerializeToElement(setting);
            }
            var entry = new PromptExecutionSettings(serviceId, String(settings, "model_id", path), values);
            try
            {
                ChatOptionsMapper.Create(entry);
            }
            catch (ArgumentException ex)
            {
                throw Error(ex.Message[..(ex.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is var at and > 0 ? at : ex.Message.Length)],
                    ConfigDocument.Child(path, ex.ParamName ?? string.Empty));
            }
            result.Add(entry);
        }
        return result;
    }

    private void CheckKeys(JsonObject node, string path, IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, _) in node)
        {
            if (allowed.Contains(key))
                continue;
            var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
            var message = $"Unknown key '{key}' {where}. Known keys: {string.Join(", ", allowed)}.";
            if (_strict)
                throw Error(message, ConfigDocument.Child(path, key));
            _warnings.Add(($"{message} It is ignored.", _document.PositionOf(ConfigDocument.Child(path, key))));
        }
    }

    private string? String(JsonObject node, string key, string path = "")
    {
        var value = node[key];
        if (value is null)
            return null;
        return value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Error($"'{key}' must be text.", ConfigDocument.Child(path, key));
    }

    private string? ScalarText(JsonObject node, string key, string path)
    {
        var value = node[key];
        return value switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            _ => throw Error($"'{key}' must be text.", ConfigDocument.Child(path, key)),
        };
    }

    private bool? Bool(JsonObject node, string key, string path)
    {
        var value = node[key];
        if (value is null)
            return null;
        return value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : throw Error($"'{key}' must be true or false.", ConfigDocument.Child(path, key));
    }

    private string? Schema(JsonObject node, string path)
    {
        var value = node["json_schema"];
        switch (value)
        {
            case null:
                return null;
            case JsonObject schema:
                return schema.ToJsonString();
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                try
                {
                    return JsonNode.Parse(text) is JsonObject ? text : throw Error("'json_schema' must be a JSON object.", ConfigDocument.Child(path, "json_schema"));
                }
                catch (JsonException ex)
                {
                    throw Error($"'json_schema' is not valid JSON: {ex.Message}", ConfigDocument.Child(path, "json_schema"));
                }
            default:
                throw Error("'json_schema' must be a JSON schema object (or a string holding one).", ConfigDocument.Child(path, "json_schema"));
        }
    }

    private PromptFileException Error(string message, string path)
    {
        var position = _document.PositionOf(path);
        return new PromptFileException(message, position?.Line, position?.Column);
    }
}
