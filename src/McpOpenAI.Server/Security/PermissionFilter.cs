using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Security;

/// <summary>
/// Refuses a call the caller's token does not allow. Runs first, so nothing (not even a cache) answers a call
/// the token may not make; an agent's nested calls carry the same token and pass the same check.
/// </summary>
internal sealed class PermissionFilter(ILogger<PermissionFilter> logger) : IFunctionInvocationFilter
{
    public ValueTask<object?> InvokeAsync(FunctionInvocationContext context, FunctionInvocationDelegate next)
    {
        if (CallerContext.Current is { } token && !token.Allows(context.Plugin.Name, context.Function.Name, Naming.ToSnakeCase(context.Function.Name)))
        {
            logger.LogWarning("Token {Token} may not call {Function}", token.Name, context.QualifiedName);
            throw new FunctionException(ErrorCodes.PermissionDenied,
                $"This token ('{token.Name}') may not call {context.QualifiedName}.",
                ["Ask the server's administrator to add it to the token's AllowedTools or AllowedPlugins."]);
        }
        return next(context);
    }
}
