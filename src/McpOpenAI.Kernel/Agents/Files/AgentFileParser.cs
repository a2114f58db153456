using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpOpenAI.Kernel.Prompts;
using McpOpenAI.Kernel.Prompts.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>
/// Reads a <c>*.agent.yaml</c> file. The prompt keys (<c>input_variables</c>, <c>execution_settings</c>,
/// <c>template_format</c>) are read by the prompt-file reader, so they mean exactly what they mean in a prompt file.
/// </summary>
internal static partial class AgentFileParser
{
    public const string Suffix = ".agent.yaml";

    private static readonly string[] TopLevelKeys =
        ["name", "description", "instructions", "message", "template_format", "input_variables", "tools", "execution_settings", "limits", "session"];
    private static readonly string[] LimitKeys =
        ["max_iterations", "max_consecutive_errors", "max_duration_seconds", "max_output_tokens", "max_tool_result_chars"];
    private static readonly string[] SessionKeys = ["max_history_tokens"];

    /// <summary>True for an agent definition file.</summary>
    public static bool IsAgentFile(string path) =>
        !Path.GetFileName(path).StartsWith('.') && path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an agent file; the file name without <c>.agent.yaml</c> is the default name.</summary>
    /// <exception cref="PromptFileLoadException">The file is broken.</exception>
    public static ParsedAgentFile Parse(string path) => Parse(path, File.ReadAllText(path));

    /// <summary>Reads agent YAML text that came from <paramref name="path"/>.</summary>
    /// <exception cref="PromptFileLoadException">The text is broken.</exception>
    public static ParsedAgentFile Parse(string path, string text)
    {
        try
        {
            return Read(path, text);
        }
        catch (PromptFileException ex)
        {
            throw new PromptFileLoadException(path, ex);
        }
    }

    private static ParsedAgentFile Read(string path, string text)
    {
        var document = YamlConfigReader.Read(text);
        var root = document.Root;
        CheckKeys(document, root, string.Empty, TopLevelKeys);

        var instructions = Text(document, root, "instructions") ?? throw Error(document, "The agent has no 'instructions'; write what the agent should do there.", "name");
        var message = Text(document, root, "message");
        var tools = ReadTools(document, out var toolLines);
        var limits = ReadLimits(document);
        var historyTokens = ReadSession(document);

        // What is left is a prompt configuration; the prompt reader checks it with the same rules and messages.
        foreach (var key in new[] { "instructions", "message", "tools", "limits", "session" })
            root.Remove(key);
        root["template"] = instructions;
        var defaultName = Path.GetFileName(path)[..^Suffix.Length];
        var prompt = new PromptConfigReader(document, strict: true).Read(defaultName, instructions, path);

        var definition = new AgentDefinition
        {
            Name = prompt.Name,
            Description = prompt.Description,
            Instructions = instructions,
            Message = message,
            TemplateFormat = prompt.TemplateFormat,
            InputVariables = prompt.InputVariables,
            Tools = tools,
            ExecutionSettings = prompt.ExecutionSettings,
            Limits = limits,
            MaxHistoryTokens = historyTokens,
            SourcePath = path,
        };
        return new ParsedAgentFile(definition, LineOffset(text, "instructions"), LineOffset(text, "message"), toolLines, text);
    }

    private static List<string> ReadTools(ConfigDocument document, out List<int?> lines)
    {
        var result = new List<string>();
        lines = [];
        if (document.Root["tools"] is not { } node)
            return result;
        if (node is not JsonArray array)
            throw Error(document, "'tools' must be a list of 'Plugin' or 'Plugin.function' entries.", "tools");
        for (var i = 0; i < array.Count; i++)
        {
            var path = ConfigDocument.Item("tools", i);
            var entry = array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : null;
            if (entry is null || !ToolEntryRegex().IsMatch(entry))
                throw Error(document, "Each tool must be 'Plugin' (all its functions) or 'Plugin.function', e.g. 'Database' or 'Database.run_query'.", path);
            result.Add(entry);
            lines.Add(document.PositionOf(path)?.Line);
        }
        return result;
    }

    private static AgentLimits ReadLimits(ConfigDocument document)
    {
        var limits = AgentLimits.Default;
        if (document.Root["limits"] is not { } node)
            return limits;
        if (node is not JsonObject map)
            throw Error(document, $"'limits' must be a mapping ({string.Join(", ", LimitKeys)}).", "limits");
        CheckKeys(document, map, "limits", LimitKeys);
        return limits with
        {
            MaxIterations = Positive(document, map, "limits", "max_iterations") ?? limits.MaxIterations,
            MaxConsecutiveErrors = Positive(document, map, "limits", "max_consecutive_errors") ?? limits.MaxConsecutiveErrors,
            MaxDuration = Positive(document, map, "limits", "max_duration_seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : limits.MaxDuration,
            MaxOutputTokens = Positive(document, map, "limits", "max_output_tokens") ?? limits.MaxOutputTokens,
            MaxToolResultChars = Positive(document, map, "limits", "max_tool_result_chars") ?? limits.MaxToolResultChars,
        };
    }

    private static int ReadSession(ConfigDocument document)
    {
        const int fallback = 8000;
        if (document.Root["session"] is not { } node)
            return fallback;
        if (node is not JsonObject map)
            throw Error(document, "'session' must be a mapping (max_history_tokens).", "session");
        CheckKeys(document, map, "session", SessionKeys);
        return Positive(document, map, "session", "max_history_tokens") ?? fallback;
    }

    private static int? Positive(ConfigDocument document, JsonObject map, string parent, string key)
    {
        var node = map[key];
        if (node is null)
            return null;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) && number is > 0 and <= int.MaxValue
            ? (int)number
            : throw Error(document, $"'{key}' must be a whole number above zero.", ConfigDocument.Child(parent, key));
    }

    private static string? Text(ConfigDocument document, JsonObject map, string key) => map[key] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw Error(document, $"'{key}' must be text (use a block: '{key}: |' and indent the lines below).", key),
    };

    private static void CheckKeys(ConfigDocument document, JsonObject map, string path, IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, _) in map)
        {
            if (!allowed.Contains(key))
            {
                var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
                throw Error(document, $"Unknown key '{key}' {where}. Known keys: {string.Join(", ", allowed)}.", ConfigDocument.Child(path, key));
            }
        }
    }

    // The number of file lines before a top-level scalar's first line, so template errors name the file's line.
    private static int LineOffset(string text, string key)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var mapping = (YamlMappingNode)stream.Documents[0].RootNode;
        return mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar
            ? scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded ? (int)scalar.Start.Line : (int)scalar.Start.Line - 1
            : 0;
    }

    private static PromptFileException Error(ConfigDocument document, string message, string path)
    {
        var position = document.PositionOf(path);
        return new PromptFileException(message, position?.Line, position?.Column);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]+(\.[A-Za-z0-9_-]+)?$")]
    private static partial Regex ToolEntryRegex();
}
