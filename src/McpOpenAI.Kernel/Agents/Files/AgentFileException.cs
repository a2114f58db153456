using McpOpenAI.Kernel.Prompts;

namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>An agent file that could not be read: the file, and where in it and what is wrong.</summary>
internal sealed class AgentFileException(string file, PromptFileException error) : Exception(error.Message, error)
{
    /// <summary>The file at fault.</summary>
    public string File { get; } = file;

    /// <summary>The problem as <c>prompt_status</c> and the log report it.</summary>
    public PromptFileError ToError() => new(File, Problem.Line, Problem.Column, Problem.Message);

    private PromptFileException Problem => (PromptFileException)InnerException!;
}
