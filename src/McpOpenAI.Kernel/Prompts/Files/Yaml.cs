using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>
/// What prompt files and agent files share when read as YAML: loading a document whose root is a mapping, with errors
/// that carry line and column, and typing plain scalars the way YAML 1.2's core schema does (<c>0.3</c> is a number,
/// <c>true</c> a boolean, <c>~</c> null); quoted and block scalars are always text.
/// </summary>
internal static partial class Yaml
{
    /// <summary>Reads <paramref name="text"/> and returns its first document's root mapping.</summary>
    /// <exception cref="PromptFileException">The text is not YAML, is empty, or its root is not a mapping.</exception>
    public static YamlMappingNode LoadMapping(string text, string whenEmpty, string whenNotMapping)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            // YamlDotNet puts the position in front of its message; the error carries it as line and column instead.
            var message = ex.InnerException is { Message.Length: > 0 } inner ? $"{ex.Message} {inner.Message}" : ex.Message;
            throw new PromptFileException($"Invalid YAML: {PositionPrefixRegex().Replace(message, string.Empty)}", (int)ex.Start.Line, (int)ex.Start.Column, ex);
        }
        if (stream.Documents.Count == 0)
            throw new PromptFileException(whenEmpty, 1, 1);
        var root = stream.Documents[0].RootNode;
        return root as YamlMappingNode ?? throw new PromptFileException(whenNotMapping, (int)root.Start.Line, (int)root.Start.Column);
    }

    /// <summary>A scalar as null, a boolean, a whole number (long), a number (double) or text.</summary>
    public static object? Plain(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
            return value;
        if (value is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (value is "true" or "True" or "TRUE")
            return true;
        if (value is "false" or "False" or "FALSE")
            return false;
        if (IntegerRegex().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return whole;
        if (FloatRegex().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number;
        return value;
    }

    /// <summary>
    /// The number of file lines before a text value's first line: a block scalar (<c>|</c> or <c>&gt;</c>) starts on the
    /// line after its indicator, any other where it stands.
    /// </summary>
    public static int LinesBefore(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded ? (int)scalar.Start.Line : (int)scalar.Start.Line - 1;

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerRegex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatRegex();

    [GeneratedRegex(@"\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefixRegex();
}
