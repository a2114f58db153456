using System.Text.RegularExpressions;
using McpOpenAI.Kernel.Prompts;
using YamlDotNet.RepresentationModel;

namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>
/// Reads a <c>*.agent.yaml</c> file. The keys it shares with Semantic Kernel's prompt YAML (<c>name</c>,
/// <c>description</c>, <c>template_format</c>, <c>input_variables</c>, <c>execution_settings</c>) mean what they mean
/// there; <c>instructions</c>, <c>message</c>, <c>tools</c>, <c>limits</c> and <c>session</c> are the agent's own.
/// Unknown keys are errors, so a typo is caught rather than ignored.
/// </summary>
internal static partial class AgentFileParser
{
    public const string Suffix = ".agent.yaml";

    private static readonly string[] TopLevelKeys =
        ["name", "description", "instructions", "message", "template_format", "input_variables", "tools", "execution_settings", "limits", "session"];
    private static readonly string[] LimitKeys =
        ["max_iterations", "max_consecutive_errors", "max_duration_seconds", "max_output_tokens", "max_tool_result_chars"];
    private const string AboveZero = "a whole number above zero";

    /// <summary>True for an agent definition file.</summary>
    public static bool IsAgentFile(string path) =>
        !Path.GetFileName(path).StartsWith('.') && path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an agent file; the file name without <c>.agent.yaml</c> is the default name.</summary>
    /// <exception cref="AgentFileException">The file is broken.</exception>
    public static ParsedAgentFile Parse(string path) => Parse(path, File.ReadAllText(path));

    /// <summary>Reads agent YAML text that came from <paramref name="path"/>.</summary>
    /// <exception cref="AgentFileException">The text is broken.</exception>
    public static ParsedAgentFile Parse(string path, string text)
    {
        try
        {
            return Read(path, text);
        }
        catch (PromptFileException ex)
        {
            throw new AgentFileException(path, ex);
        }
    }

    private static ParsedAgentFile Read(string path, string text)
    {
        var root = YamlMap.Load(text);
        root.CheckKeys(TopLevelKeys);
        var instructions = root.Text("instructions", " (use a block: 'instructions: |' and indent the lines below)")
            ?? throw root.Error("The agent has no 'instructions'; write what the agent should do there.");
        var format = root.Text("template_format") ?? AgentDefinition.SemanticKernelFormat;
        if (format is not AgentDefinition.SemanticKernelFormat and not AgentDefinition.HandlebarsFormat)
            throw root.ErrorAt("template_format", $"Unknown template_format '{format}'; use '{AgentDefinition.SemanticKernelFormat}' or '{AgentDefinition.HandlebarsFormat}'.");
        var (tools, toolLines) = ReadTools(root);
        var definition = new AgentDefinition
        {
            Name = root.Text("name") ?? Path.GetFileName(path)[..^Suffix.Length],
            Description = root.Text("description"),
            Instructions = instructions,
            Message = root.Text("message"),
            TemplateFormat = format,
            InputVariables = AgentSettingsReader.ReadInputVariables(root),
            Tools = tools,
            ExecutionSettings = AgentSettingsReader.ReadExecutionSettings(root),
            Limits = ReadLimits(root),
            MaxHistoryTokens = ReadHistoryTokens(root),
            SourcePath = path,
        };
        return new ParsedAgentFile(definition, root.LinesBefore("instructions"), root.LinesBefore("message"), toolLines, text);
    }

    private static (List<string> Tools, List<int> Lines) ReadTools(YamlMap root)
    {
        var tools = new List<string>();
        var lines = new List<int>();
        foreach (var item in root.List("tools", "of 'Plugin' or 'Plugin.function' entries") ?? [])
        {
            var entry = item is YamlScalarNode scalar ? scalar.Value?.Trim() : null;
            if (entry is null || !ToolEntryRegex().IsMatch(entry))
                throw YamlMap.Error("Each tool must be 'Plugin' (all its functions) or 'Plugin.function', e.g. 'Database' or 'Database.run_query'.", item);
            tools.Add(entry);
            lines.Add((int)item.Start.Line);
        }
        return (tools, lines);
    }

    private static AgentLimits ReadLimits(YamlMap root)
    {
        var defaults = AgentLimits.Default;
        if (root.Map("limits", string.Join(", ", LimitKeys)) is not { } limits)
            return defaults;
        limits.CheckKeys(LimitKeys);
        return defaults with
        {
            MaxIterations = limits.Integer("max_iterations", 1, AboveZero) ?? defaults.MaxIterations,
            MaxConsecutiveErrors = limits.Integer("max_consecutive_errors", 1, AboveZero) ?? defaults.MaxConsecutiveErrors,
            MaxDuration = limits.Integer("max_duration_seconds", 1, AboveZero) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.MaxDuration,
            MaxOutputTokens = limits.Integer("max_output_tokens", 1, AboveZero) ?? defaults.MaxOutputTokens,
            MaxToolResultChars = limits.Integer("max_tool_result_chars", 1, AboveZero) ?? defaults.MaxToolResultChars,
        };
    }

    private static int ReadHistoryTokens(YamlMap root)
    {
        const int fallback = 8000;
        if (root.Map("session", "max_history_tokens") is not { } session)
            return fallback;
        session.CheckKeys(["max_history_tokens"]);
        return session.Integer("max_history_tokens", 1, AboveZero) ?? fallback;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]+(\.[A-Za-z0-9_-]+)?$")]
    private static partial Regex ToolEntryRegex();
}
