using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

/// <summary>
/// Stateless mode: the SDK builds <see cref="McpServerOptions"/> afresh for every request (so that a per-request
/// callback could vary them). Ours never vary, and building them runs every configuration again, attaching the bridges
/// (and their change subscriptions) once per request. This factory builds them once and serves that instance, as the
/// host's own <c>IOptions&lt;McpServerOptions&gt;</c> does.
/// </summary>
internal sealed class SharedServerOptions(OptionsFactory<McpServerOptions> inner) : IOptionsFactory<McpServerOptions>
{
    private readonly Lazy<McpServerOptions> _options = new(() => inner.Create(Options.DefaultName));

    public McpServerOptions Create(string name) => name == Options.DefaultName ? _options.Value : inner.Create(name);
}
