using McpOpenAI.SemanticKernel;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.Configuration;
using Microsoft.SemanticKernel;
using PluginApps.Tests.Infrastructure;

namespace PluginApps.Tests;

/// <summary>Changes process environment variables, so never runs beside other tests.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>OPENAI_API_KEY and OPENAI_BASE_URL fill what an app's configuration leaves empty, and never override it.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class OpenAIEnvironmentTests(SampleDataFolder data)
{
    [Fact(Timeout = 60_000)]
    public async Task OpenAIVariables_ConfigurationWithoutOpenAISettings_ReachTheirEndpoint()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var openAI = await FakeOpenAIServer.StartAsync(cancellation);
        using var variables = new EnvironmentVariables(("OPENAI_API_KEY", openAI.ApiKey), ("OPENAI_BASE_URL", openAI.BaseUrl));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Server:DataFolder"] = data.Path,
            ["OpenAI:MaxRetries"] = "0",
        }).Build();
        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(configuration, McpOpenAIPlugins.OpenAI).Build();

        await kernel.InvokeAsync(McpOpenAIPlugins.OpenAI, "list_models", cancellationToken: cancellation);

        Assert.Equal(1, openAI.RequestCount("models"));
    }

    [Fact(Timeout = 60_000)]
    public async Task OpenAIVariables_ConfigurationSetsTheEndpoint_ConfigurationWins()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var app = await TestApp.StartAsync(data, cancellation);
        // Nothing listens on the discard port of the loopback address.
        using var variables = new EnvironmentVariables(("OPENAI_API_KEY", "sk-not-this-one"), ("OPENAI_BASE_URL", "http://127.0.0.1:9/v1"));
        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration, McpOpenAIPlugins.OpenAI).Build();

        await kernel.InvokeAsync(McpOpenAIPlugins.OpenAI, "list_models", cancellationToken: cancellation);

        Assert.Equal(1, app.OpenAI.RequestCount("models"));
    }
}
