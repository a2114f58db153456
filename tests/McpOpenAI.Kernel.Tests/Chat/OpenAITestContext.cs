using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Chat;

/// <summary>A fake OpenAI server plus a factory and the chat pipeline pointed at it.</summary>
internal sealed class OpenAITestContext : IAsyncDisposable
{
    private OpenAITestContext(FakeOpenAIServer server, TestOptionsMonitor<OpenAIOptions> monitor)
    {
        Server = server;
        Monitor = monitor;
        Factory = new OpenAIClientFactory(monitor);
        Client = Factory.AsIChatClient();
    }

    public FakeOpenAIServer Server { get; }

    public TestOptionsMonitor<OpenAIOptions> Monitor { get; }

    public OpenAIOptions Options => Monitor.CurrentValue;

    public OpenAIClientFactory Factory { get; }

    public IChatClient Client { get; }

    public static async Task<OpenAITestContext> StartAsync(Action<OpenAIOptions>? configure = null)
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
        return new OpenAITestContext(server, new TestOptionsMonitor<OpenAIOptions>(options));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
