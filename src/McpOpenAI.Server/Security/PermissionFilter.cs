using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Server.Security;

/// <summary>
/// Refuses a call the caller's token does not allow. A Semantic Kernel function filter, registered first so nothing
/// (not even a cache) answers a call the token may not make; an agent's inner calls pass through the same kernel and
/// carry the same token, so they pass the same check.
/// </summary>
internal sealed class PermissionFilter(ILogger<PermissionFilter> logger) : IFunctionInvocationFilter
{
    public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var function = context.Function;
        var plugin = function.PluginName ?? "";
        if (CallerContext.Current is { } token && !token.Allows(plugin, function.Name, Naming.ToSnakeCase(function.Name)))
        {
            logger.LogWarning("Token {Token} may not call {Plugin}.{Function}", token.Name, plugin, function.Name);
            throw new FunctionException(ErrorCodes.PermissionDenied,
                $"This token ('{token.Name}') may not call {plugin}.{function.Name}.",
                ["Ask the server's administrator to add it to the token's AllowedTools or AllowedPlugins."]);
        }
        return next(context);
    }
}
