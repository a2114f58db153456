using McpOpenAI.Server.Bridge;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Security;

/// <summary><c>tools/list</c> shows each token only the tools it may call.</summary>
internal static class ToolListFilter
{
    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> Apply(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken).ConfigureAwait(false);
            if (CallerContext.Current is not { AllowsEverything: false } token)
                return result;
            var bridge = request.Services?.GetService<McpBridge>();
            result.Tools = result.Tools.Where(t =>
                bridge is not null && bridge.TryGetTool(t.Name, out var tool)
                    ? token.Allows(tool.Source.Plugin.Name, tool.Source.Function.Name, tool.ProtocolTool.Name)
                    : token.Allows("", t.Name, t.Name)).ToList();
            return result;
        };
}
