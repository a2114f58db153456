using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>Everything one render needs: the kernel, the variables (defaults filled in) and the original call.</summary>
internal sealed record TemplateRenderContext(
    PluginKernel Kernel,
    string PluginName,
    IReadOnlyDictionary<string, object?> Variables,
    AIFunctionArguments Arguments,
    CancellationToken CancellationToken);
