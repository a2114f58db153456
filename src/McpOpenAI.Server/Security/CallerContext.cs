namespace McpOpenAI.Server.Security;

/// <summary>
/// The caller behind the current HTTP request: a configured token, or the grants of a JWT access token.
/// <see cref="CallerScope"/> sets it from the authenticated request before the MCP endpoint runs; the transport flows the
/// request's execution context into the handlers, so the kernel's filters (and an agent's nested calls) see it.
/// Null over stdio and for unauthenticated loopback use.
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
