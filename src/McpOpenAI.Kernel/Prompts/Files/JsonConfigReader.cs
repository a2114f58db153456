using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>
/// Reads <c>config.json</c> into a JSON tree, keeping positions. Comments and trailing commas are accepted; Semantic
/// Kernel's own reader refuses them, so a file meant for a plain Semantic Kernel app too should have none.
/// </summary>
internal static class JsonConfigReader
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ConfigDocument Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = ex.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
            throw new PromptFileException($"Invalid JSON: {StripPosition(ex.Message)}", line, column, ex);
        }
        if (node is not JsonObject root)
            throw new PromptFileException("config.json must contain a JSON object ({ ... }).", 1, 1);
        return new ConfigDocument(root, MapPositions(bytes));
    }

    // JsonNode keeps no positions, so one pass of the reader records where each key starts.
    private static Dictionary<string, SourcePosition> MapPositions(byte[] bytes)
    {
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        var stack = new Stack<(string Path, bool IsArray, int Index)>();
        string? pendingProperty = null;
        var lineStarts = LineStarts(bytes);

        while (reader.Read())
        {
            var position = ToPosition(lineStarts, (int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = ConfigDocument.Child(stack.Count > 0 ? stack.Peek().Path : string.Empty, reader.GetString()!);
                    positions[pendingProperty] = position;
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var path = NextValuePath(stack, ref pendingProperty, positions, position);
                    stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    continue;
                default:
                    NextValuePath(stack, ref pendingProperty, positions, position);
                    continue;
            }
        }
        return positions;
    }

    private static string NextValuePath(Stack<(string Path, bool IsArray, int Index)> stack, ref string? pendingProperty, Dictionary<string, SourcePosition> positions, SourcePosition position)
    {
        if (pendingProperty is { } property)
        {
            pendingProperty = null;
            return property;
        }
        if (stack.Count == 0)
            return string.Empty;
        var parent = stack.Pop();
        var path = ConfigDocument.Item(parent.Path, parent.Index);
        stack.Push(parent with { Index = parent.Index + 1 });
        positions[path] = position;
        return path;
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                starts.Add(i + 1);
        }
        return starts;
    }

    private static SourcePosition ToPosition(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0)
            index = ~index - 1;
        return new SourcePosition(index + 1, offset - lineStarts[index] + 1);
    }

    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
