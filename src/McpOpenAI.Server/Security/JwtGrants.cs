using System.Security.Claims;

namespace McpOpenAI.Server.Security;

/// <summary>
/// What a validated access token may call, from its scopes (<c>scope</c>, space-separated, or <c>scp</c>) and its
/// tool and plugin claims: <c>mcp:tools</c> grants every tool, <c>mcp:tools:chat</c> one tool (a tool name or
/// <c>Plugin.function</c>), <c>mcp:plugins:OpenAI</c> a whole plugin. A token that names none may call nothing.
/// </summary>
internal static class JwtGrants
{
    /// <summary>The caller the principal stands for.</summary>
    public static AccessToken ToCaller(ClaimsPrincipal principal, JwtOptions options)
    {
        var name = principal.FindFirst(options.NameClaim)?.Value ?? principal.FindFirst("client_id")?.Value ?? "unnamed";
        var scopes = Values(principal, "scope").Concat(Values(principal, "scp")).ToHashSet(StringComparer.Ordinal);
        if (scopes.Contains(options.AllToolsScope))
            return AccessToken.Everything(name, options.RequestsPerMinute);

        var toolPrefix = options.AllToolsScope + ":";
        var pluginPrefix = options.ScopePrefix + "plugins:";
        var tools = scopes.Where(s => s.StartsWith(toolPrefix, StringComparison.Ordinal)).Select(s => s[toolPrefix.Length..])
            .Concat(Values(principal, options.ToolsClaim));
        var plugins = scopes.Where(s => s.StartsWith(pluginPrefix, StringComparison.Ordinal)).Select(s => s[pluginPrefix.Length..])
            .Concat(Values(principal, options.PluginsClaim));
        return AccessToken.Granted(name, tools.Where(t => t.Length > 0), plugins.Where(p => p.Length > 0), options.RequestsPerMinute);
    }

    // A claim holds one value or several space-separated ones; a JSON array arrives as one claim per element.
    private static IEnumerable<string> Values(ClaimsPrincipal principal, string type) =>
        principal.FindAll(type).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
