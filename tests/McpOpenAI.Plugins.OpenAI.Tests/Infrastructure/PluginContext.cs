using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Plugins.OpenAI.Chat;
using McpOpenAI.Plugins.OpenAI.Configuration;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;

/// <summary>A fake OpenAI server and the plugin's parts pointed at it.</summary>
internal sealed class PluginContext : IAsyncDisposable
{
    private PluginContext(FakeOpenAIServer server, OpenAIOptions options)
    {
        Server = server;
        Monitor = new TestOptionsMonitor<OpenAIOptions>(options);
        Factory = new OpenAIClientFactory(Monitor);
        Configuration = new ConfigurationBuilder().Build();
        Chat = new ChatFunctions(Factory, Configuration);
        Moderation = new ModerationFunctions(Factory);
        Embeddings = new EmbeddingFunctions(Factory);
        Models = new ModelsFunctions(Factory, Configuration);
    }

    public FakeOpenAIServer Server { get; }

    public TestOptionsMonitor<OpenAIOptions> Monitor { get; }

    public OpenAIClientFactory Factory { get; }

    public IConfiguration Configuration { get; }

    public ChatFunctions Chat { get; }

    public ModerationFunctions Moderation { get; }

    public EmbeddingFunctions Embeddings { get; }

    public ModelsFunctions Models { get; }

    public static async Task<PluginContext> StartAsync(Action<OpenAIOptions>? configure = null)
    {
        var server = await FakeOpenAIServer.StartAsync(TestContext.Current.CancellationToken);
        var options = new OpenAIOptions
        {
            ApiKey = server.ApiKey,
            BaseUrl = server.BaseUrl,
            MaxRetries = 0,
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return new PluginContext(server, options);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
