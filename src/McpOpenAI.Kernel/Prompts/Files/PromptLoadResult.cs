namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>One pass over a prompts folder: the plugins built (with a fingerprint of their files), what loaded, what failed.</summary>
internal sealed record PromptLoadResult(
    IReadOnlyDictionary<string, (Plugins.PromptPlugin Plugin, string Fingerprint)> Plugins,
    IReadOnlyList<LoadedPrompt> Loaded,
    IReadOnlyList<PromptFileError> Errors,
    IReadOnlySet<string>? DependsOn = null);
