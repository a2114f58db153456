namespace McpOpenAI.Kernel.Prompts;

/// <summary>The outcome of one (re)load of a prompts folder.</summary>
public sealed class PromptReloadedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public PromptReloadedEventArgs(IReadOnlyList<LoadedPrompt> loaded, IReadOnlyList<PromptFileError> errors)
    {
        Loaded = loaded;
        Errors = errors;
    }

    /// <summary>The prompt functions now loaded.</summary>
    public IReadOnlyList<LoadedPrompt> Loaded { get; }

    /// <summary>The problems found (broken files are skipped; the rest loaded).</summary>
    public IReadOnlyList<PromptFileError> Errors { get; }
}
