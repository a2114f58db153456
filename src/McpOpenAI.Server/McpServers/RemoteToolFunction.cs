using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.McpServers;

/// <summary>
/// A tool of another MCP server as an <see cref="AIFunction"/>: the <see cref="McpClientTool"/> with its schemas as the
/// server declares them, under a name Semantic Kernel accepts, whose calls are bounded in time and whose failures —
/// the tool's own error result, a timeout, a server that went away — are <see cref="FunctionException"/>s that say so.
/// A result keeps its structured content and its images and links (<see cref="FunctionOutput"/>).
/// </summary>
internal sealed class RemoteToolFunction(McpClientTool tool, string name, string server, TimeSpan timeout) : DelegatingAIFunction(tool)
{
    public override string Name => name;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        CallToolResult result;
        try
        {
            result = await tool.CallAsync(arguments, cancellationToken: deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FunctionException(ErrorCodes.Timeout, $"'{tool.ProtocolTool.Name}' on the MCP server '{server}' did not answer within {timeout.TotalSeconds:0} s.",
                ["Try again with a smaller request, or raise the server's ToolTimeoutSeconds under Agents:McpServers."]);
        }
        catch (McpException ex)
        {
            throw new FunctionException(ErrorCodes.UpstreamError, $"The MCP server '{server}' refused '{tool.ProtocolTool.Name}': {ex.Message}",
                ["Check the arguments against the tool's schema."], ex);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw new FunctionException(ErrorCodes.UpstreamError, $"The MCP server '{server}' is not reachable: {ex.Message}",
                ["prompt_status shows the server's state; it is reconnected in the background."], ex);
        }

        if (result.IsError == true)
        {
            var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
            throw new FunctionException(ErrorCodes.UpstreamError, $"'{tool.ProtocolTool.Name}' on the MCP server '{server}' failed: {(text.Length > 0 ? text : "no details")}");
        }
        // With structured content the text blocks repeat it; without, they are the result.
        var contents = result.Content.Where(c => result.StructuredContent is null || c is not TextContentBlock).Select(c => c.ToAIContent()).OfType<AIContent>();
        return result.StructuredContent is { } structured ? new FunctionOutput(structured, contents) : new FunctionOutput(null, contents);
    }
}
