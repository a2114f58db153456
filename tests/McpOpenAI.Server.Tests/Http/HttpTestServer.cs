using McpOpenAI.Server.Http;
using McpOpenAI.TestKit.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;

namespace McpOpenAI.Server.Tests.Http;

/// <summary>The whole server in this process, serving Streamable HTTP on a free loopback port.</summary>
internal sealed class HttpTestServer : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DirectoryInfo _temp;
    private readonly List<McpClient> _clients = [];

    private HttpTestServer(IHost host, DirectoryInfo temp, Uri endpoint)
    {
        _host = host;
        _temp = temp;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public IServiceProvider Services => _host.Services;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<HttpTestServer> StartAsync(IEnumerable<string>? configArgs = null, Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var temp = Directory.CreateTempSubdirectory("mcp-openai-http-");
        string[] args =
        [
            "--OpenAI:ApiKey=", $"--Server:DataFolder={temp.FullName}", $"--Server:OutputFolder={Path.Combine(temp.FullName, "out")}",
            $"--Server:PromptsPath={Path.Combine(temp.FullName, "prompts")}", "--Logging:LogLevel:Default=Warning",
            "--Http:Url=http://127.0.0.1:0/mcp", .. configArgs ?? [],
        ];
        var builder = HttpHost.CreateBuilder(args, userConfigFile: Path.Combine(temp.FullName, "config.json"));
        configureServices?.Invoke(builder.Services);
        var host = HttpHost.Build(builder);
        await host.StartAsync(cancellationToken);
        var endpoint = host.Services.GetRequiredService<HttpServerAddress>().Endpoint!;
        return new HttpTestServer(host, temp, endpoint);
    }

    /// <summary>An MCP client over Streamable HTTP, with the bearer token when given.</summary>
    public async Task<McpClient> ConnectAsync(string? token = null, McpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var transport = new SchemaCheckingTransport(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }));
        var client = await McpClient.CreateAsync(transport, options, cancellationToken: cancellationToken);
        _clients.Add(client);
        return client;
    }

    /// <summary>Stops the host as Ctrl+C would.</summary>
    public Task StopAsync() => _host.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        Http.Dispose();
        try
        {
            _temp.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the OS temp cleaner takes it.
        }
    }
}
