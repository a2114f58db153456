namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>A <see cref="PromptFileException"/> together with the file it is about.</summary>
internal sealed class PromptFileLoadException(string file, PromptFileException error) : Exception(error.Message, error)
{
    public string File { get; } = file;

    public PromptFileError ToError() => new(File, Error.Line, Error.Column, Error.Message);

    private PromptFileException Error => (PromptFileException)InnerException!;
}
