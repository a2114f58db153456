using System.Text.Json;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Errors;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>
/// A prompt file's template (Semantic Kernel's, or handlebars) with what the prompt promises around it: a variable
/// the caller left out or set to null takes its default, a required one without a default is a clear error that names
/// the prompt and what the variable is for, the functions the template calls run as calls made by a template
/// (<see cref="InvocationSource.Template"/>), whose streamed text is not the caller's progress, and text without message
/// tags becomes one user message (<see cref="ChatPromptParser.ToChatPrompt"/>) so the model reads it decoded, as before.
/// </summary>
internal sealed class PromptFileTemplate(IPromptTemplate inner, string? promptName, IReadOnlyList<InputVariable> variables) : IPromptTemplate
{
    public async Task<string> RenderAsync(Microsoft.SemanticKernel.Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default)
    {
        arguments ??= [];
        foreach (var variable in variables)
        {
            if (arguments.TryGetValue(variable.Name, out var value) && value is not null and not JsonElement { ValueKind: JsonValueKind.Null })
                continue;
            if (variable.Default is not null)
                arguments[variable.Name] = variable.Default;
            else if (variable.IsRequired)
                throw FunctionException.InvalidArgument(variable.Name, $"'{promptName}' needs a value for '{variable.Name}'" +
                    (string.IsNullOrEmpty(variable.Description) ? "." : $" ({variable.Description})."));
        }
        using var nested = CallContext.Begin((CallContext.Current ?? new CallContext()) with { Progress = null, Source = InvocationSource.Template });
        return ChatPromptParser.ToChatPrompt(await inner.RenderAsync(kernel, arguments, cancellationToken).ConfigureAwait(false));
    }
}
