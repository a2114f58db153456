using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Prompts.Templates;

/// <summary>Calls a kernel function on behalf of a template, through the kernel's filters.</summary>
internal static class TemplateFunctionInvoker
{
    private static readonly InvocationOptions TemplateOptions = new() { Source = InvocationSource.Template };

    /// <summary>
    /// Invokes the function with the template's variables plus the call's own arguments (as Semantic Kernel
    /// does, the callee sees the caller's variables), and returns the result as text.
    /// </summary>
    public static async ValueTask<string?> InvokeAsync(TemplateRenderContext context, string? pluginName, string functionName,
        IReadOnlyList<object?> positional, IReadOnlyList<KeyValuePair<string, object?>> named)
    {
        if (!FunctionResolver.TryResolve(context.Kernel.Plugins.Snapshot, context.PluginName, pluginName, functionName, out var plugin, out var function))
        {
            var display = pluginName is null ? functionName : $"{pluginName}.{functionName}";
            throw new FunctionException(ErrorCodes.NotFound, $"The prompt calls '{display}', which is not loaded.");
        }

        var arguments = new AIFunctionArguments(new Dictionary<string, object?>(context.Variables, StringComparer.OrdinalIgnoreCase))
        {
            Services = context.Arguments.Services,
            Context = context.Arguments.Context is { } callContext ? new Dictionary<object, object?>(callContext) : null,
        };
        // A nested call's streamed text is not the caller's answer, so it must not reach the caller's progress.
        FunctionContext.SetProgress(arguments, SilentProgress.Instance);

        var parameters = FunctionResolver.Parameters(function);
        for (var i = 0; i < positional.Count; i++)
        {
            if (i >= parameters.Count)
                throw FunctionException.InvalidArgument(functionName, $"'{plugin.Name}.{function.Name}' takes {parameters.Count} argument(s) but the prompt passes {positional.Count}.");
            arguments[parameters[i]] = positional[i];
        }
        foreach (var (name, value) in named)
            arguments[name] = value;

        var result = await context.Kernel.InvokeAsync(plugin, function, arguments, TemplateOptions, context.CancellationToken).ConfigureAwait(false);
        return TemplateValues.ToText(result);
    }

    private sealed class SilentProgress : IProgress<FunctionProgress>
    {
        public static readonly SilentProgress Instance = new();

        public void Report(FunctionProgress value)
        {
        }
    }
}
