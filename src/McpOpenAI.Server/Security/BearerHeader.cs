using Microsoft.AspNetCore.Http;

namespace McpOpenAI.Server.Security;

/// <summary>Reads the <c>Authorization: Bearer</c> header.</summary>
internal static class BearerHeader
{
    /// <summary>True when the request has an Authorization header at all.</summary>
    public static bool IsPresent(HttpRequest request) => request.Headers.Authorization.Count > 0;

    /// <summary>The bearer token, or null when the header is missing or is not <c>Bearer &lt;token&gt;</c>.</summary>
    public static string? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 } token ? token : null;
    }

    /// <summary>True for a token shaped like a JWT (three dot-separated parts); configured tokens never are.</summary>
    public static bool LooksLikeJwt(string? token) => token is not null && token.Count(c => c == '.') == 2;
}
