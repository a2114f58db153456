using System.Runtime.InteropServices;
using System.Text.Json;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Errors;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Bridge;

/// <summary>
/// Keeps every tool result within what clients accept: Claude Desktop refuses a result over 1 MiB. A result over the
/// limit loses its image previews first, largest first (the files, their paths and resource links stay, and the text
/// says so), then the text copy of its structured content; one that is still too large becomes a tool error that
/// suggests a smaller request. Nothing is cut silently, so a result never stops matching its output schema.
/// </summary>
internal static class ResultSizeLimit
{
    /// <summary>1 MiB, less room for the JSON-RPC envelope around the result.</summary>
    public const int MaxBytes = (1024 * 1024) - 1024;

    /// <summary>The error code of a result that cannot be made to fit.</summary>
    public const string TooLargeCode = "result_too_large";

    /// <summary>The size of a result as it goes over the wire, in bytes.</summary>
    public static int Measure(CallToolResult result) => KernelJson.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions).Length;

    /// <summary>The result itself when it fits, else a smaller one that does, else an error.</summary>
    public static CallToolResult Fit(CallToolResult result)
    {
        if (UpperBound(result) <= MaxBytes)
            return result;
        var size = Measure(result);
        if (size <= MaxBytes)
            return result;

        var content = result.Content.ToList();
        var dropped = 0;
        var note = new TextContentBlock { Text = "" };
        foreach (var preview in content.OfType<ImageContentBlock>().OrderByDescending(i => i.Data.Length).ToList())
        {
            content.Remove(preview);
            dropped++;
            note.Text = $"{dropped} image preview{(dropped == 1 ? " was" : "s were")} left out to keep this result under the 1 MiB MCP clients accept. " +
                "Nothing is lost: every image is saved — open it from its path or read its resource link.";
            if (Measure(With(result, [.. content, note])) <= MaxBytes)
                return With(result, [.. content, note]);
        }
        if (dropped > 0)
            content.Add(note);

        if (result.StructuredContent is { } structured && content.FindIndex(b => IsCopyOf(b, structured)) is var copy and >= 0)
        {
            content[copy] = new TextContentBlock { Text = "The result is in the structured content; its text copy was left out to keep the result under 1 MiB." };
            if (Measure(With(result, content)) <= MaxBytes)
                return With(result, content);
        }

        return ToolErrors.ToResult(new FunctionException(TooLargeCode,
            $"The result is {size / 1024} KiB, more than the 1 MiB an MCP client accepts, even without image previews.",
            ["Ask for less at once: fewer images or items, a smaller size, a shorter answer or fewer rows.", "Files the call saved are in the output folder."]));
    }

    private static CallToolResult With(CallToolResult result, List<ContentBlock> content) => new()
    {
        Content = content,
        StructuredContent = result.StructuredContent,
        IsError = result.IsError,
        Meta = result.Meta,
    };

    // A bound on the size on the wire that serializes nothing: every character escaped (six bytes, \uXXXX) and room for each
    // block's envelope. Nearly every result is far under the limit by this bound and is sent as it is; only the others
    // (images, long texts) are serialized to be measured.
    private static long UpperBound(CallToolResult result)
    {
        if (result.Meta is not null)
            return long.MaxValue;
        long characters = result.StructuredContent is { } structured ? JsonMarshal.GetRawUtf8Value(structured).Length : 0;
        foreach (var block in result.Content)
        {
            if (block.Annotations is not null || block.Meta is not null)
                return long.MaxValue;
            characters += 64 + block switch
            {
                TextContentBlock text => text.Text.Length,
                ImageContentBlock image => image.Data.Length + image.MimeType.Length,
                AudioContentBlock audio => audio.Data.Length + audio.MimeType.Length,
                ResourceLinkBlock link => link.Uri.Length + link.Name.Length + (link.Title?.Length ?? 0) + (link.Description?.Length ?? 0) + (link.MimeType?.Length ?? 0),
                _ => MaxBytes,
            };
        }
        return 128 + (characters * 6);
    }

    private static bool IsCopyOf(ContentBlock block, JsonElement structured)
    {
        if (block is not TextContentBlock { Text: var text } || !text.StartsWith('{'))
            return false;
        try
        {
            using var parsed = JsonDocument.Parse(text);
            return JsonElement.DeepEquals(parsed.RootElement, structured);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
