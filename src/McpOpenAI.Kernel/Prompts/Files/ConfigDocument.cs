using System.Text.Json.Nodes;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>
/// A parsed <c>config.json</c> or prompt YAML as a JSON tree, with the position of every key and value so
/// errors can name the line. Paths look like <c>input_variables[0].name</c>.
/// </summary>
internal sealed class ConfigDocument(JsonObject root, IReadOnlyDictionary<string, SourcePosition> positions)
{
    public JsonObject Root { get; } = root;

    public SourcePosition? PositionOf(string path) =>
        positions.TryGetValue(path, out var position) ? position : null;

    /// <summary>An error at the key or value <paramref name="path"/> names (the whole file when it has no position).</summary>
    public PromptFileException Error(string message, string path)
    {
        var position = PositionOf(path);
        return new PromptFileException(message, position?.Line, position?.Column);
    }

    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
