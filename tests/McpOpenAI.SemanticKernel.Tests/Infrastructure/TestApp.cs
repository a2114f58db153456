using System.ClientModel;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OpenAI;

namespace PluginApps.Tests.Infrastructure;

/// <summary>
/// What a plain app has around it: the fake OpenAI on 127.0.0.1 (real wire format), its own output folder, and the
/// configuration it would pass to <c>AddMcpOpenAIPlugins</c> — the same keys as the server's.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    public const string Model = "gpt-4.1-mini";

    private readonly string _output;

    private TestApp(FakeOpenAIServer openAI, string dataFolder)
    {
        OpenAI = openAI;
        _output = Directory.CreateTempSubdirectory("mcpopenai-sk-output-").FullName;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenAI:ApiKey"] = openAI.ApiKey,
            ["OpenAI:BaseUrl"] = openAI.BaseUrl,
            ["OpenAI:MaxRetries"] = "0",
            ["OpenAI:RequestTimeout"] = "00:00:30",
            ["Server:DataFolder"] = dataFolder,
            ["Server:OutputFolder"] = _output,
        }).Build();
    }

    public FakeOpenAIServer OpenAI { get; }

    public IConfiguration Configuration { get; }

    public static async Task<TestApp> StartAsync(SampleDataFolder data, CancellationToken cancellationToken) =>
        new(await FakeOpenAIServer.StartAsync(cancellationToken), data.Path);

    /// <summary>An <see cref="IChatClient"/> on the fake, as an app makes one with Microsoft.Extensions.AI.OpenAI.</summary>
    public IChatClient CreateChatClient() =>
        new OpenAIClient(new ApiKeyCredential(OpenAI.ApiKey), new OpenAIClientOptions { Endpoint = OpenAI.BaseUri })
            .GetChatClient(Model)
            .AsIChatClient();

    public async ValueTask DisposeAsync()
    {
        await OpenAI.DisposeAsync();
        try
        {
            Directory.Delete(_output, recursive: true);
        }
        catch (IOException)
        {
            // Still in use; the OS cleans temp.
        }
    }
}
