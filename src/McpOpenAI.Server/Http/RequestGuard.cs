using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.Server.Http;

/// <summary>
/// DNS-rebinding protection, first in the pipeline: a web page the user visits must not be able to reach a local
/// server by pointing its own name at 127.0.0.1. On loopback, Host and Origin must name loopback unless configured
/// otherwise; anything else gets 403.
/// </summary>
internal sealed class RequestGuard(HttpOptions options, bool loopback, ILogger logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Check(context.Request) is { } refused)
        {
            logger.LogWarning("Refused a request: {Reason}", refused);
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status403Forbidden, refused).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    /// <summary>Why the request is refused, or null when it may proceed.</summary>
    private string? Check(HttpRequest request)
    {
        if (!HostAllowed(request.Host))
            return $"Forbidden: Host '{request.Host.Value}' is not allowed (Http:AllowedHosts).";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !OriginAllowed(origin))
            return $"Forbidden: Origin '{origin}' is not allowed (Http:AllowedOrigins).";
        return null;
    }

    private bool HostAllowed(HostString host)
    {
        if (options.AllowedHosts.Count == 0)
            return !loopback || (host.HasValue && ListenAddress.IsLoopbackHost(host.Host));
        return options.AllowedHosts.Any(a => a == "*"
            || string.Equals(a, host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a, host.Host, StringComparison.OrdinalIgnoreCase));
    }

    private bool OriginAllowed(string origin)
    {
        if (options.AllowedOrigins.Count == 0)
            return !loopback || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && ListenAddress.IsLoopbackHost(uri.Host));
        return options.AllowedOrigins.Any(a => a == "*" || string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
