using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Http;

/// <summary>A request feature: this POST carries a <c>tools/call</c> with this JSON-RPC id.</summary>
/// <param name="Id">The request's id, for the answer.</param>
internal sealed record ToolCallRequest(RequestId Id);
