using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Plugins.Database.Tests;

/// <summary>Calls plugin functions the way a host does: by name, with snake_case arguments.</summary>
internal static class FunctionCalls
{
    public static async Task<T> CallAsync<T>(this AIPlugin plugin, string function, AIFunctionArguments? arguments = null)
    {
        Assert.True(plugin.TryGetFunction(function, out var fn), $"function {function} missing");
        var result = await fn.InvokeAsync(arguments ?? [], TestContext.Current.CancellationToken);
        return Assert.IsType<T>(result);
    }
}
