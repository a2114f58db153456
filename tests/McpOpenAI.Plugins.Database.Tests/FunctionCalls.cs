using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Database.Tests;

/// <summary>Calls plugin functions the way a host does: by name, with snake_case arguments, through a kernel.</summary>
internal static class FunctionCalls
{
    public static async Task<T> CallAsync<T>(this KernelPlugin plugin, string function, Dictionary<string, object?>? arguments = null)
    {
        Assert.True(plugin.TryGetFunction(function, out var fn), $"function {function} missing");
        var result = await fn.InvokeAsync(new Microsoft.SemanticKernel.Kernel(), ToolSchema.Of(fn).ToArguments(arguments ?? []), TestContext.Current.CancellationToken);
        return Assert.IsType<T>(result.GetValue<object>());
    }
}
