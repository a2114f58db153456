using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Plugins.OpenAI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Plugins.OpenAI.Tests;

public sealed class PluginModuleTests
{
    [Fact]
    public void AddOpenAIPlugin_RegistersAtMostOneOpenAIPlugin()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOpenAIPlugin(new ConfigurationBuilder().Build());

        var registrations = services.Where(d => d.ServiceType == typeof(PluginRegistration)).Select(d => (PluginRegistration)d.ImplementationInstance!).ToArray();

        Assert.True(registrations.Length <= 1);
        Assert.All(registrations, r => Assert.Equal(OpenAIPluginModule.PluginName, r.Name));
    }
}
