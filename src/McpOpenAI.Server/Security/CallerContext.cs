namespace McpOpenAI.Server.Security;

/// <summary>
/// The token behind the current HTTP request. The HTTP endpoint sets it before handing the message to the MCP
/// server; the transport flows the request's execution context into the handlers, so the kernel's filters
/// (and an agent's nested calls) see it. Null over stdio and for unauthenticated loopback use.
/// </summary>
internal static class CallerContext
{
    private static readonly AsyncLocal<AccessToken?> CurrentToken = new();

    public static AccessToken? Current
    {
        get => CurrentToken.Value;
        set => CurrentToken.Value = value;
    }
}
