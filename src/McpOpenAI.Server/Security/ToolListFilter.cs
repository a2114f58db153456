using McpOpenAI.Server.Bridge;
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
            var tools = request.Server.ServerOptions.ToolCollection;
            result.Tools = result.Tools.Where(t =>
                tools is not null && tools.TryGetPrimitive(t.Name, out var primitive) && primitive is KernelFunctionTool tool
                    ? token.Allows(tool.Source.Plugin.Name, tool.Source.Function.Name, tool.ProtocolTool.Name)
                    : token.Allows("", t.Name, t.Name)).ToList();
            return result;
        };
}
