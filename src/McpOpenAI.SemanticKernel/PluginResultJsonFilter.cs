using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.SemanticKernel;

/// <summary>
/// Gives the model a plugin function's result as the JSON an MCP client gets. Semantic Kernel's auto function
/// calling serializes a non-string result with its own settings (PascalCase, nulls written, a
/// <see cref="FunctionOutput"/>'s images inline); for functions made with <see cref="KernelJson.Options"/> this
/// filter turns the result into text with those settings instead — a <see cref="FunctionOutput"/> into its value.
/// Other functions' results pass unchanged, and so does what <c>kernel.InvokeAsync</c> returns.
/// </summary>
internal sealed class PluginResultJsonFilter : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        await next(context).ConfigureAwait(false);
        if (!ReferenceEquals(context.Function.JsonSerializerOptions, KernelJson.Options))
            return;
        var text = context.Result.GetValue<object>() switch
        {
            null or string => null,
            FunctionOutput { Value: null } => "Done.",
            FunctionOutput { Value: string value } => value,
            FunctionOutput output => KernelJson.Serialize(output.Value),
            var value => KernelJson.Serialize(value),
        };
        if (text is not null)
            context.Result = new FunctionResult(context.Result, text);
    }
}
