namespace McpOpenAI.Kernel.Prompts;

/// <summary>A problem with one prompt file.</summary>
/// <param name="File">The full path of the file (or folder) at fault.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
/// <param name="IsWarning">True when the file still loaded (e.g. an ignored key in <c>config.json</c>).</param>
public sealed record PromptFileError(string File, int? Line, int? Column, string Message, bool IsWarning = false)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is { } line ? Column is { } column ? $"({line},{column})" : $"({line})" : string.Empty;
        return $"{File}{where}: {(IsWarning ? "warning" : "error")}: {Message}";
    }
}
