namespace McpOpenAI.Kernel.Prompts;

/// <summary>A folder of files that become functions (prompt files, agent files): what loaded and what is broken.</summary>
public interface IPromptFileSource
{
    /// <summary>The folder the files are read from.</summary>
    string RootPath { get; }

    /// <summary>The functions the files produced.</summary>
    IReadOnlyList<LoadedPrompt> Loaded { get; }

    /// <summary>The files that failed to load (and warnings), with line and column where known.</summary>
    IReadOnlyList<PromptFileError> Errors { get; }
}
