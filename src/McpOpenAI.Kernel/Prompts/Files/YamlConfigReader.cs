using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>Reads a prompt YAML file into a JSON tree, keeping the position of every key and value.</summary>
internal static class YamlConfigReader
{
    /// <summary>The position entry whose line is the number of lines before the template's first line.</summary>
    public const string TemplateOffsetKey = "template#offset";

    public static ConfigDocument Read(string text)
    {
        var mapping = Yaml.LoadMapping(text, "The YAML file is empty.", "A prompt YAML file must be a mapping of keys (name:, template:, …).");
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var root = (JsonObject)Convert(mapping, string.Empty, positions)!;
        return new ConfigDocument(root, positions);
    }

    private static JsonNode? Convert(YamlNode node, string path, Dictionary<string, SourcePosition> positions)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value
                        ?? throw new PromptFileException("Keys must be plain names.", (int)keyNode.Start.Line, (int)keyNode.Start.Column);
                    var childPath = ConfigDocument.Child(path, key);
                    if (obj.ContainsKey(key))
                        throw new PromptFileException($"The key '{key}' appears twice.", (int)keyNode.Start.Line, (int)keyNode.Start.Column);
                    positions[childPath] = new SourcePosition((int)keyNode.Start.Line, (int)keyNode.Start.Column);
                    if (path.Length == 0 && key == "template" && valueNode is YamlScalarNode template)
                        positions[TemplateOffsetKey] = new SourcePosition(Yaml.LinesBefore(template), 0);
                    obj[key] = Convert(valueNode, childPath, positions);
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var item = sequence.Children[i];
                    var itemPath = ConfigDocument.Item(path, i);
                    positions[itemPath] = new SourcePosition((int)item.Start.Line, (int)item.Start.Column);
                    array.Add(Convert(item, itemPath, positions));
                }
                return array;
            case YamlScalarNode scalar:
                return Yaml.Plain(scalar) switch
                {
                    null => null,
                    bool flag => JsonValue.Create(flag),
                    long whole => JsonValue.Create(whole),
                    double number => JsonValue.Create(number),
                    var text => JsonValue.Create((string)text),
                };
            default:
                throw new PromptFileException($"Unsupported YAML node ({node.NodeType}).", (int)node.Start.Line, (int)node.Start.Column);
        }
    }
}
