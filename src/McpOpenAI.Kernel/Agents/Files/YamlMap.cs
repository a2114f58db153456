using System.Globalization;
using McpOpenAI.Kernel.Prompts;
using McpOpenAI.Kernel.Prompts.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>
/// One YAML mapping of an agent file, read with the position of every key so each error names its line. Plain scalars
/// are typed as YAML 1.2's core schema types them (<c>0.3</c> is a number, <c>true</c> a boolean); quoted and block
/// scalars are always text.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;

    private YamlMap(YamlMappingNode node, string path)
    {
        _node = node;
        Path = path;
    }

    /// <summary>Where this mapping is in the file: empty at the top level, else e.g. <c>limits</c>.</summary>
    public string Path { get; }

    /// <summary>The line of the mapping itself.</summary>
    public int Line => (int)_node.Start.Line;

    /// <summary>Reads a document whose root is a mapping.</summary>
    /// <exception cref="PromptFileException">The text is not YAML, is empty, or is not a mapping.</exception>
    public static YamlMap Load(string text) =>
        new(Yaml.LoadMapping(text, "The file is empty; an agent needs at least 'instructions'.",
            "An agent file must be a mapping of keys (name:, instructions:, tools:, …)."), string.Empty);

    /// <summary>The keys, in file order.</summary>
    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);

    /// <summary>Fails on a key written twice, and on the first key not <paramref name="allowed"/> (null allows any), naming those that are.</summary>
    public void CheckKeys(IReadOnlyCollection<string>? allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw Error("Keys must be plain names.", key);
            if (!seen.Add(name))
                throw Error($"The key '{name}' appears twice.", key);
            if (allowed is not null && !allowed.Contains(name))
                throw Error($"Unknown key '{name}' {(Path.Length == 0 ? "at the top level" : $"in '{Path}'")}. Known keys: {string.Join(", ", allowed)}.", key);
        }
    }

    /// <summary>True when the key is present.</summary>
    public bool Has(string key) => Find(key) is not null;

    /// <summary>The line of a key, when present.</summary>
    public int? LineOf(string key) => Find(key) is { } entry ? (int)entry.Key.Start.Line : null;

    /// <summary>
    /// The number of file lines before a text value's first line (0 when absent), so errors in a template name the
    /// file's line: a block scalar (<c>|</c> or <c>&gt;</c>) starts on the line after its indicator, any other where it stands.
    /// </summary>
    public int LinesBefore(string key) => Find(key) is Entry(_, YamlScalarNode scalar) ? Yaml.LinesBefore(scalar) : 0;

    /// <summary>A text value; null when absent.</summary>
    public string? Text(string key, string? hint = null) => Find(key) switch
    {
        null => null,
        Entry(_, YamlScalarNode scalar) when !IsNull(scalar) => scalar.Value ?? string.Empty,
        Entry(var name, _) => throw Error($"'{key}' must be text{hint}.", name),
    };

    /// <summary>A value written as text or as a plain number or boolean, as text; null when absent.</summary>
    public string? Scalar(string key) => Find(key) switch
    {
        null => null,
        Entry(_, YamlScalarNode scalar) when !IsNull(scalar) => scalar.Value ?? string.Empty,
        Entry(var name, _) => throw Error($"'{key}' must be text.", name),
    };

    /// <summary>A boolean; null when absent.</summary>
    public bool? Bool(string key) => Find(key) switch
    {
        null => null,
        Entry(_, YamlScalarNode scalar) when Yaml.Plain(scalar) is bool value => value,
        Entry(var name, _) => throw Error($"'{key}' must be true or false.", name),
    };

    /// <summary>A number; null when absent.</summary>
    public double? Number(string key) => Find(key) switch
    {
        null => null,
        Entry(_, YamlScalarNode scalar) when Yaml.Plain(scalar) is long or double => Convert.ToDouble(Yaml.Plain(scalar), CultureInfo.InvariantCulture),
        Entry(var name, var value) => throw Error($"'{key}' must be a number, not {Describe(value)}.", name),
    };

    /// <summary>A whole number within <paramref name="min"/> and <see cref="int.MaxValue"/>; null when absent.</summary>
    public int? Integer(string key, int min, string rule) => Find(key) switch
    {
        null => null,
        Entry(_, YamlScalarNode scalar) when Yaml.Plain(scalar) is long whole && whole >= min && whole <= int.MaxValue => (int)whole,
        Entry(var name, _) => throw Error($"'{key}' must be {rule}.", name),
    };

    /// <summary>A nested mapping; null when absent.</summary>
    public YamlMap? Map(string key, string shape) => Find(key) switch
    {
        null => null,
        Entry(_, YamlMappingNode map) => new YamlMap(map, Path.Length == 0 ? key : $"{Path}.{key}"),
        Entry(var name, _) => throw Error($"'{key}' must be a mapping ({shape}).", name),
    };

    /// <summary>The items of a list, each with its line; null when absent.</summary>
    public IReadOnlyList<YamlNode>? List(string key, string shape) => Find(key) switch
    {
        null => null,
        Entry(_, YamlSequenceNode list) => list.Children.ToArray(),
        Entry(var name, _) => throw Error($"'{key}' must be a list ({shape}).", name),
    };

    /// <summary>A list item as a mapping.</summary>
    public YamlMap Item(YamlNode item, string key, int index, string problem) =>
        item is YamlMappingNode map ? new YamlMap(map, $"{key}[{index}]") : throw Error(problem, item);

    /// <summary>The value of a key as plain data (text, number, boolean, list, mapping) for settings passed on as they are.</summary>
    public object? Value(string key) => Find(key) is { } entry ? Plain(entry.Value) : null;

    /// <summary>An error at a node's line and column.</summary>
    public static PromptFileException Error(string message, YamlNode node) => new(message, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>An error at the line of a key (or of this mapping, when the key is absent).</summary>
    public PromptFileException ErrorAt(string key, string message) =>
        Find(key) is { } entry ? Error(message, entry.Key) : Error(message);

    /// <summary>An error at this mapping's line.</summary>
    public PromptFileException Error(string message) => new(message, Line, (int)_node.Start.Column);

    private Entry? Find(string key) =>
        _node.Children.Where(c => c.Key is YamlScalarNode { Value: var text } && text == key).Select(c => new Entry(c.Key, c.Value)).FirstOrDefault();

    private static bool IsNull(YamlScalarNode scalar) => scalar.Style == ScalarStyle.Plain && Yaml.Plain(scalar) is null;

    private static object? Plain(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Yaml.Plain(scalar),
        YamlSequenceNode list => list.Children.Select(Plain).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? string.Empty, c => Plain(c.Value), StringComparer.Ordinal),
        _ => null,
    };

    private sealed record Entry(YamlNode Key, YamlNode Value);

    private static string Describe(YamlNode node) => node is YamlScalarNode scalar ? $"'{scalar.Value}'" : "a " + node.NodeType.ToString().ToLowerInvariant();
}
