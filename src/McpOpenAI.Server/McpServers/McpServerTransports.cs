using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpOpenAI.Server.McpServers;

/// <summary>Checks an <see cref="McpServerOptions"/> entry and makes the MCP client transport it describes.</summary>
internal static class McpServerTransports
{
    /// <summary>What is wrong with the entry, in words that name the setting; null when it can be used.</summary>
    public static string? Problem(McpServerOptions options, string key)
    {
        if (!Naming.IsValidPluginName(options.Name))
            return $"{key}:Name must be a plugin name (letters, digits, underscores), e.g. 'GitHub'; got '{options.Name}'.";
        var stdio = !string.IsNullOrWhiteSpace(options.Command);
        var http = !string.IsNullOrWhiteSpace(options.Url);
        if (stdio == http)
            return $"{key} ('{options.Name}') needs either Command (a program to start over stdio) or Url (an HTTP endpoint), not {(stdio ? "both" : "neither")}.";
        if (http && (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            return $"{key}:Url ('{options.Name}') must be an absolute http(s) URL such as https://example.com/mcp; got '{options.Url}'.";
        if (options.ConnectTimeoutSeconds <= 0 || options.ToolTimeoutSeconds <= 0)
            return $"{key} ('{options.Name}'): ConnectTimeoutSeconds and ToolTimeoutSeconds must be above zero.";
        return null;
    }

    /// <summary>The transport for a valid entry; <paramref name="stderr"/> receives the program's error output (stdio).</summary>
    public static IClientTransport Create(McpServerOptions options, Action<string> stderr, ILoggerFactory loggers)
    {
        if (!string.IsNullOrWhiteSpace(options.Command))
        {
            return new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = options.Name,
                Command = options.Command,
                Arguments = [.. options.Arguments],
                EnvironmentVariables = new Dictionary<string, string?>(options.Environment),
                WorkingDirectory = string.IsNullOrWhiteSpace(options.WorkingDirectory) ? null : options.WorkingDirectory,
                StandardErrorLines = stderr,
                ShutdownTimeout = TimeSpan.FromSeconds(5),
            }, loggers);
        }
        return new HttpClientTransport(new HttpClientTransportOptions
        {
            Name = options.Name,
            Endpoint = new Uri(options.Url!),
            AdditionalHeaders = new Dictionary<string, string>(options.Headers),
            ConnectionTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
        }, loggers);
    }
}
