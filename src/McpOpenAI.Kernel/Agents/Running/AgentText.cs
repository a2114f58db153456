using System.Globalization;
using System.Text.Json;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>How tool results become text for the model, and how long text is shortened for progress and summaries.</summary>
internal static class AgentText
{
    /// <summary>The text of a tool result: strings as they are, records and JSON as compact snake_case JSON.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "Done.",
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? string.Empty,
        JsonElement element => element.GetRawText(),
        FunctionOutput output => string.Join("\n", new[] { output.Value is null ? null : ToText(output.Value) }
            .Concat(output.Contents.Select(Describe)).Where(s => !string.IsNullOrEmpty(s))),
        AIContent content => Describe(content) ?? string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => KernelJson.Serialize(value),
    };

    /// <summary>The text cut to <paramref name="max"/> characters on one line, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max - 1), "…");
    }

    /// <summary>The text cut to <paramref name="max"/> characters, saying how much was left out.</summary>
    public static string Cut(string text, int max) =>
        text.Length <= max ? text : $"{text[..max]}\n[… {text.Length - max} more characters cut. Ask for less, e.g. fewer rows or a narrower query.]";

    /// <summary>The result of a call that was not run because the agent stopped, so the conversation stays valid.</summary>
    public static string NotRun(AgentStopReason reason) =>
        $"Not run: the agent stopped ({JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString())}).";

    private static string? Describe(AIContent content) => content switch
    {
        TextContent text => text.Text,
        UriContent uri => $"[file: {uri.Uri}]",
        DataContent data => $"[{data.MediaType} data, {data.Data.Length} bytes]",
        _ => null,
    };
}
