using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>Reads a prompt YAML file into a JSON tree, keeping the position of every key and value.</summary>
internal static partial class YamlConfigReader
{
    /// <summary>The position entry whose line is the number of lines before the template's first line.</summary>
    public const string TemplateOffsetKey = "template#offset";

    public static ConfigDocument Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && inner.Message.Length > 0 ? $"{ex.Message} {inner.Message}" : ex.Message;
            throw new PromptFileException($"Invalid YAML: {StripPosition(message)}", (int)ex.Start.Line, (int)ex.Start.Column, ex);
        }
        if (stream.Documents.Count == 0)
            throw new PromptFileException("The YAML file is empty.", 1, 1);
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            throw new PromptFileException("A prompt YAML file must be a mapping of keys (name:, template:, …).",
                (int)stream.Documents[0].RootNode.Start.Line, (int)stream.Documents[0].RootNode.Start.Column);

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
                        positions[TemplateOffsetKey] = new SourcePosition(TemplateLineOffset(template), 0);
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
                return ConvertScalar(scalar);
            default:
                throw new PromptFileException($"Unsupported YAML node ({node.NodeType}).", (int)node.Start.Line, (int)node.Start.Column);
        }
    }

    // Plain scalars are typed the way YAML 1.2's core schema types them; quoted and block scalars stay strings.
    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
            return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (value is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (IntegerRegex().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (FloatRegex().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(value);
    }

    // A block scalar (| or >) starts on the line after its indicator; other scalars start where they stand.
    private static int TemplateLineOffset(YamlScalarNode template) =>
        template.Style is ScalarStyle.Literal or ScalarStyle.Folded ? (int)template.Start.Line : (int)template.Start.Line - 1;

    private static string StripPosition(string message) => PositionPrefixRegex().Replace(message, string.Empty);

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerRegex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatRegex();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefixRegex();
}
