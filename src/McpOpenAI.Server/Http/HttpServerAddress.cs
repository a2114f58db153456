using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace McpOpenAI.Server.Http;

/// <summary>Where the MCP endpoint listens, with the real port once Kestrel has bound (the URL's port may be 0).</summary>
internal sealed class HttpServerAddress(HttpSettings settings)
{
    /// <summary>The endpoint's URL; null until the server has started.</summary>
    public Uri? Endpoint { get; private set; }

    /// <summary>Reads the bound address and prints the start-up line people and test harnesses wait for.</summary>
    public void Announce(IServer server)
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? settings.Address.BindUrl;
        Endpoint = new Uri(new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)), settings.Address.Path);
        // It names no token.
        Console.Error.WriteLine($"mcp-openai: MCP over Streamable HTTP at {Endpoint} ({(settings.Options.Stateless ? "stateless" : "sessions")}, {settings.Authentication})");
    }
}
