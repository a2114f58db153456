using System.Text.Json;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.OpenAI.Tests;

public sealed class PluginModuleTests
{
    private static readonly string[] MyFunctions = ["chat", "analyze_image", "moderate", "embed", "list_models", "get_config_status", "configure"];

    private static KernelPlugin CreatePlugin()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IOptionsMonitor<OpenAIOptions>>(new TestOptionsMonitor<OpenAIOptions>(new OpenAIOptions()));
        services.AddSingleton<OpenAIClientFactory>();
        services.AddSingleton(new AppPaths(dataFolder: Path.GetTempPath()));
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddKernelHost();
        services.AddOpenAIPlugin(configuration);
        var host = services.BuildServiceProvider().GetRequiredService<KernelHost>();
        Assert.True(host.Kernel.Plugins.TryGetPlugin(OpenAIPluginModule.PluginName, out var plugin));
        return plugin;
    }

    [Fact]
    public void AddOpenAIPlugin_ComposesOnePlugin_WithEveryChatAndConfigurationFunction()
    {
        var plugin = CreatePlugin();

        var names = plugin.Select(f => f.Name).ToHashSet();
        Assert.All(MyFunctions, name => Assert.Contains(name, names));
        Assert.Equal(OpenAIPluginModule.PluginName, plugin.Name);
    }

    [Theory]
    [InlineData("chat", false, false, true)]
    [InlineData("analyze_image", false, false, true)]
    [InlineData("moderate", true, true, true)]
    [InlineData("embed", true, true, true)]
    [InlineData("list_models", true, true, true)]
    [InlineData("get_config_status", true, true, false)]
    [InlineData("configure", false, true, true)]
    public void Functions_DeclareTruthfulTraits(string name, bool readOnly, bool idempotent, bool openWorld)
    {
        Assert.True(CreatePlugin().TryGetFunction(name, out var function));

        var traits = function.GetTraits();

        Assert.Equal(readOnly, traits.ReadOnly);
        Assert.Equal(idempotent, traits.Idempotent);
        Assert.Equal(openWorld, traits.OpenWorld);
        Assert.False(traits.Destructive);
        Assert.False(string.IsNullOrWhiteSpace(traits.Title));
    }

    [Fact]
    public void Chat_Schema_SnakeCaseParametersWithoutHostBoundOnes()
    {
        Assert.True(CreatePlugin().TryGetFunction("chat", out var chat));

        var properties = ToolSchema.Of(chat).InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(["prompt", "messages", "system", "model", "temperature", "top_p", "max_tokens", "stop", "seed", "response_format", "images"], properties);
        Assert.False(ToolSchema.Of(chat).InputSchema.TryGetProperty("required", out var required) && required.GetArrayLength() > 0);
    }

    [Fact]
    public void Functions_EveryParameterIsDescribed()
    {
        foreach (var function in CreatePlugin().Where(f => MyFunctions.Contains(f.Name)))
        {
            foreach (var property in ToolSchema.Of(function).InputSchema.GetProperty("properties").EnumerateObject())
                Assert.True(property.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String, $"{function.Name}.{property.Name}");
        }
    }
}
