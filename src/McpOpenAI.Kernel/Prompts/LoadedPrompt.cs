namespace McpOpenAI.Kernel.Prompts;

/// <summary>A prompt function that loaded: where it lives in the kernel and which file defines it.</summary>
/// <param name="Plugin">The plugin (the prompt folder's name).</param>
/// <param name="Function">The function name.</param>
/// <param name="File">The prompt file.</param>
public sealed record LoadedPrompt(string Plugin, string Function, string File);
