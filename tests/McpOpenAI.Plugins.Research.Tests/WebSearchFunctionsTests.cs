using McpOpenAI.Kernel.Errors;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Plugins.Research.Tests;

public sealed class WebSearchFunctionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebSearch_FakeServer_ReturnsTextWithNumberedCitedSources()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var functions = new WebSearchFunctions(new ResearchOptions { WebSearchModel = "gpt-4.1-mini" }, TestFactory.For(server));

        var result = await functions.WebSearchAsync("tent trends", Ct);

        Assert.Equal(["https://example.com/openai-news", "https://example.org/research"], result.Sources.Select(s => s.Url).ToArray());
        Assert.Equal([1, 2], result.Sources.Select(s => s.Number).ToArray());
        Assert.Equal("OpenAI news", result.Sources[0].Title);
        Assert.Contains("OpenAI news [1]", result.Answer);
        Assert.Contains("Research notes [2]", result.Answer);
        Assert.Equal(1, result.Searches);
        Assert.StartsWith("resp_", result.ResponseId);
        var request = Assert.Single(server.Requests).Json!;
        Assert.Equal("web_search", request["tools"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("gpt-4.1-mini", request["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task WebSearch_SameUrlCitedTwice_OneSource()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.WebSearchResults.Clear();
        server.WebSearchResults.Add(new FakeCitation("https://example.com/a", "A"));
        server.WebSearchResults.Add(new FakeCitation("https://example.com/a", "A again"));
        var functions = new WebSearchFunctions(new ResearchOptions(), TestFactory.For(server));

        var result = await functions.WebSearchAsync("a", Ct);

        Assert.Equal(1, Assert.Single(result.Sources).Number);
        Assert.Contains("A again [1]", result.Answer);
    }

    [Fact]
    public async Task WebSearch_Disabled_NotConfiguredWithoutCallingOpenAI()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var functions = new WebSearchFunctions(new ResearchOptions { WebSearchEnabled = false }, TestFactory.For(server));

        var error = await Assert.ThrowsAsync<FunctionException>(() => functions.WebSearchAsync("x", Ct));

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
        Assert.Contains("WebSearchEnabled", error.Message);
        Assert.Equal(0, server.RequestCount());
    }

    [Fact]
    public async Task WebSearch_NoApiKey_NotConfiguredNamingTheKey()
    {
        var functions = new WebSearchFunctions(new ResearchOptions(), TestFactory.Unconfigured());

        var error = await Assert.ThrowsAsync<FunctionException>(() => functions.WebSearchAsync("x", Ct));

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
        Assert.Contains(error.Suggestions, s => s.Contains("OPENAI_API_KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WebSearch_UpstreamRejectsKey_MappedError()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var factory = new McpOpenAI.Kernel.OpenAI.OpenAIClientFactory(new OptionsMonitorStub(server));
        var functions = new WebSearchFunctions(new ResearchOptions(), factory);

        var error = await Assert.ThrowsAsync<FunctionException>(() => functions.WebSearchAsync("x", Ct));

        Assert.Equal(ErrorCodes.InvalidApiKey, error.Code);
    }

    [Fact]
    public async Task WebSearch_EmptyQuery_InvalidArgument()
    {
        var functions = new WebSearchFunctions(new ResearchOptions(), TestFactory.Unconfigured());

        var error = await Assert.ThrowsAsync<FunctionException>(() => functions.WebSearchAsync(" ", Ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
    }

    private sealed class OptionsMonitorStub(FakeOpenAIServer server) : Microsoft.Extensions.Options.IOptionsMonitor<McpOpenAI.Kernel.Configuration.OpenAIOptions>
    {
        public McpOpenAI.Kernel.Configuration.OpenAIOptions CurrentValue { get; } = new() { ApiKey = "sk-wrong-key-123456", BaseUrl = server.BaseUrl, MaxRetries = 0 };

        public McpOpenAI.Kernel.Configuration.OpenAIOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<McpOpenAI.Kernel.Configuration.OpenAIOptions, string?> listener) => null;
    }
}
