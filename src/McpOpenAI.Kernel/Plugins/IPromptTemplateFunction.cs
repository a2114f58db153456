using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>A function made from a prompt template, which hosts can also offer as a reusable prompt.</summary>
public interface IPromptTemplateFunction
{
    /// <summary>The template's input variables, in declaration order.</summary>
    IReadOnlyList<PromptParameter> Parameters { get; }

    /// <summary>Renders the template into chat messages without calling a model.</summary>
    ValueTask<IReadOnlyList<ChatMessage>> RenderMessagesAsync(AIFunctionArguments arguments, CancellationToken cancellationToken = default);
}

/// <summary>One input variable of a prompt template.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Description">What the variable is for.</param>
/// <param name="IsRequired">True when the caller must give a value (required and no default).</param>
/// <param name="Default">The value used when none is given.</param>
public sealed record PromptParameter(string Name, string? Description, bool IsRequired, string? Default);
