using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// What makes a kernel function also a reusable prompt (an MCP prompt): its arguments, and how to render it into
/// chat messages without calling a model.
/// </summary>
/// <param name="Parameters">The prompt's arguments, in declaration order.</param>
/// <param name="RenderAsync">Renders the prompt for the given arguments.</param>
/// <param name="Traits">The function's behavioural hints.</param>
/// <param name="StreamsText">True when the function is a Semantic Kernel prompt function whose answer is text that can be streamed.</param>
/// <param name="InputSchema">
/// The input schema hosts show for the function, exactly as given; null to derive it from the function. A Semantic Kernel
/// prompt function has no metadata of its own to carry one, so its prompt does.
/// </param>
public sealed record PromptDescriptor(
    IReadOnlyList<PromptParameter> Parameters,
    Func<Microsoft.SemanticKernel.Kernel, KernelArguments, CancellationToken, ValueTask<IReadOnlyList<ChatMessage>>> RenderAsync,
    FunctionTraits Traits,
    bool StreamsText = false,
    JsonElement? InputSchema = null);

/// <summary>One argument of a prompt.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Description">What the variable is for.</param>
/// <param name="IsRequired">True when the caller must give a value (required and no default).</param>
/// <param name="Default">The value used when none is given.</param>
public sealed record PromptParameter(string Name, string? Description, bool IsRequired, string? Default);
