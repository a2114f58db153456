using System.Globalization;
using System.Net;
using System.Text.Json;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>How values become template text: strings as they are, JSON and objects as JSON.</summary>
internal static class TemplateValues
{
    private static readonly JsonSerializerOptions CompactJson = new(KernelJson.Options) { WriteIndented = false };

    /// <summary>The text of a value; null for null (renders as nothing).</summary>
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement element => element.GetRawText(),
        FunctionOutput output => ToText(output.Value) ?? string.Join("\n", output.Contents.OfType<TextContent>().Select(t => t.Text)),
        IEnumerable<string> lines => string.Join("\n", lines),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        bool or char or Enum => value.ToString(),
        _ => JsonSerializer.Serialize(value, CompactJson),
    };

    /// <summary>HTML-encodes text as Semantic Kernel does (<c>&lt; &gt; &amp; &quot; &#39;</c>).</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
