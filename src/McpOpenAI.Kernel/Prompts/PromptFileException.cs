namespace McpOpenAI.Kernel.Prompts;

/// <summary>A prompt file or template could not be read; carries the position when known.</summary>
public sealed class PromptFileException : Exception
{
    /// <summary>Creates the error.</summary>
    public PromptFileException(string message, int? line = null, int? column = null, Exception? inner = null)
        : base(message, inner)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column, when known.</summary>
    public int? Column { get; }
}
