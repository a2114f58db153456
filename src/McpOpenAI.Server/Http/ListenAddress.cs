using System.Net;

namespace McpOpenAI.Server.Http;

/// <summary>The parsed <c>--http</c> URL: where Kestrel listens and which path serves MCP.</summary>
internal sealed record ListenAddress(Uri Uri)
{
    /// <summary>Parses an http URL; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static ListenAddress Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"--http '{url}' is not an http URL, e.g. {HttpOptions.DefaultUrl}");
        return new ListenAddress(uri);
    }

    /// <summary>The path MCP is served on (default <c>/mcp</c> when the URL has none).</summary>
    public string Path => Uri.AbsolutePath is "" or "/" ? "/mcp" : Uri.AbsolutePath.TrimEnd('/');

    /// <summary>What Kestrel binds: scheme, host and port only.</summary>
    public string BindUrl => $"{Uri.Scheme}://{Uri.Authority}";

    /// <summary>True when only this machine can reach the address.</summary>
    public bool IsLoopback => IsLoopbackHost(Uri.Host);

    /// <summary>localhost, 127.0.0.0/8 or ::1 (brackets allowed).</summary>
    public static bool IsLoopbackHost(string host)
    {
        var bare = host.Trim('[', ']');
        return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var ip) && IPAddress.IsLoopback(ip));
    }
}
