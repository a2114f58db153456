using Microsoft.AspNetCore.Http;

namespace McpOpenAI.Server.Security;

/// <summary>
/// Puts the authenticated caller's grants in <see cref="CallerContext"/> for the rest of the request. The SDK runs each
/// request's MCP handlers in that request's execution context, so the kernel's filters (and an agent's nested calls) see it.
/// </summary>
internal static class CallerScope
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        CallerContext.Current = context.Features.Get<AccessToken>();
        await next(context).ConfigureAwait(false);
    }
}
