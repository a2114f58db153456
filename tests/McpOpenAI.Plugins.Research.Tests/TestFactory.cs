using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Research.Tests;

/// <summary>OpenAI client factories for tests: none configured, or pointed at the fake server.</summary>
internal static class TestFactory
{
    public static OpenAIClientFactory Unconfigured() => new(new Monitor(new OpenAIOptions()));

    public static OpenAIClientFactory For(FakeOpenAIServer server) =>
        new(new Monitor(new OpenAIOptions { ApiKey = server.ApiKey, BaseUrl = server.BaseUrl, MaxRetries = 0 }));

    private sealed class Monitor(OpenAIOptions value) : IOptionsMonitor<OpenAIOptions>
    {
        public OpenAIOptions CurrentValue => value;

        public OpenAIOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OpenAIOptions, string?> listener) => null;
    }
}
