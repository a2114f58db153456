using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>A prompt file read from disk, before its template is created.</summary>
/// <param name="Config">The prompt, as Semantic Kernel reads it.</param>
/// <param name="TemplateFile">The file holding the template (<c>skprompt.txt</c> or the YAML file).</param>
/// <param name="TemplateLineOffset">Lines in <paramref name="TemplateFile"/> before the template's first line.</param>
/// <param name="Contents">The text of every file read, for change detection.</param>
/// <param name="Warnings">Harmless problems (ignored keys).</param>
internal sealed record ParsedPromptFile(
    PromptTemplateConfig Config,
    string TemplateFile,
    int TemplateLineOffset,
    string Contents,
    IReadOnlyList<PromptFileError> Warnings);
