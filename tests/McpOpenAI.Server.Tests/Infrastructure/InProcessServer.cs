using System.IO.Pipelines;
using McpOpenAI.Kernel;
using McpOpenAI.Server.Hosting;
using McpOpenAI.TestKit.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Infrastructure;

/// <summary>The whole server (host, kernel, bridge) in this process, with an MCP client over in-memory pipes.</summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private IHost? _host;
    private DirectoryInfo? _temp;

    public McpClient Client { get; private set; } = null!;

    public KernelHost Kernel => _host!.Services.GetRequiredService<KernelHost>();

    public IServiceProvider Services => _host!.Services;

    /// <summary>Starts a server. No API key unless one is given; no per-user config file.</summary>
    public static async Task<InProcessServer> StartAsync(IEnumerable<string>? configArgs = null, McpClientOptions? clientOptions = null,
        Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var server = new InProcessServer();
        var temp = server._temp = Directory.CreateTempSubdirectory("mcp-openai-test-");
        string[] args =
        [
            "--OpenAI:ApiKey=", $"--Server:DataFolder={temp.FullName}", $"--Server:OutputFolder={Path.Combine(temp.FullName, "out")}",
            $"--Server:PromptsPath={Path.Combine(temp.FullName, "prompts")}", "--Logging:LogLevel:Default=Warning",
            .. configArgs ?? [],
        ];
        var builder = ServerHost.CreateBuilder(args,
            mcp => mcp.WithStreamServerTransport(server._toServer.Reader.AsStream(), server._toClient.Writer.AsStream()),
            userConfigFile: Path.Combine(temp.FullName, "config.json"));
        configureServices?.Invoke(builder.Services);
        server._host = builder.Build();
        await server._host.StartAsync(cancellationToken);
        server.Client = await McpClient.CreateAsync(
            new SchemaCheckingTransport(new StreamClientTransport(server._toServer.Writer.AsStream(), server._toClient.Reader.AsStream())),
            clientOptions, cancellationToken: cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        _toServer.Writer.Complete();
        _toClient.Writer.Complete();
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }
        try
        {
            _temp?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the OS temp cleaner takes it.
        }
    }

    /// <summary>The server's own temporary folder (data, output, prompts, config file).</summary>
    public string TempFolder => _temp!.FullName;
}
