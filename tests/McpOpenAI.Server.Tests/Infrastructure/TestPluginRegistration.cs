using McpOpenAI.Kernel.Hosting;
using McpOpenAI.TestPlugins;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Tests.Infrastructure;

internal static class TestPluginRegistration
{
    /// <summary>Adds the test-only Diagnostics plugin to an in-process server.</summary>
    public static IServiceCollection AddTestPlugins(this IServiceCollection services) =>
        services.AddPlugin<DiagnosticsPlugin>("Diagnostics");
}
