using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.State;
using McpOpenAI.Plugins.Operations;
using McpOpenAI.SemanticKernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.SemanticKernel;

/// <summary>Registers McpOpenAI's plugins and the services they need in an <see cref="IServiceCollection"/>.</summary>
public static class McpOpenAIServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services McpOpenAI's plugins need, bound from the same configuration keys as the MCP server —
    /// <c>OpenAI:*</c> (with <c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>, <c>OPENAI_ORG_ID</c>, <c>OPENAI_PROJECT</c> supplying
    /// what configuration does not set), <c>Database:*</c>, <c>Research:*</c>, <c>Support:*</c>, and
    /// <c>Server:DataFolder</c> / <c>Server:OutputFolder</c> for state and generated files, <c>State:PostgreSQL</c> / <c>State:Redis</c> for state shared by several instances — and one
    /// <see cref="PluginRegistration"/> per plugin. A plugin already registered is left as it is.
    /// </summary>
    /// <remarks>
    /// The services, each added only when missing: <see cref="OpenAIClientFactory"/> over <see cref="OpenAIOptions"/>,
    /// <see cref="AppPaths"/>, <see cref="TimeProvider"/>, logging, <see cref="IConfiguration"/>, the operations layers every
    /// OpenAI client passes (<c>Cache:*</c>, <c>OpenAI:Limits:*</c>, <c>Budget:*</c>, <c>Pricing:*</c>, <c>Safety:*</c>), the plugins' own stores and
    /// options, and what <c>[FromKernelServices]</c> parameters receive — <see cref="IProgress{T}"/> of
    /// <see cref="FunctionProgress"/> and <see cref="IUserInput"/>, which forward to the host of the call in progress
    /// (<see cref="CallContext"/>) and do nothing, or say that no one can be asked, outside one.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration to read; also registered as <see cref="IConfiguration"/> when none is.</param>
    /// <param name="plugins">Which plugins (<see cref="McpOpenAIPlugins"/>, any case); none means all.</param>
    /// <returns>The same services.</returns>
    /// <exception cref="ArgumentException">A name is not one of <see cref="McpOpenAIPlugins.All"/>.</exception>
    public static IServiceCollection AddMcpOpenAIPluginServices(this IServiceCollection services, IConfiguration configuration, params string[] plugins)
    {
        services.RegisterMcpOpenAIPlugins(configuration, plugins);
        return services;
    }

    /// <summary>Does the work of <see cref="AddMcpOpenAIPluginServices"/>; returns the selected plugins' registrations, new or not.</summary>
    internal static IReadOnlyList<PluginRegistration> RegisterMcpOpenAIPlugins(this IServiceCollection services, IConfiguration configuration, IReadOnlyCollection<string>? plugins)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var names = McpOpenAIPlugins.Resolve(plugins);
        AddSharedServices(services, configuration);
        foreach (var name in names.Where(n => Registration(services, n) is null))
            McpOpenAIPlugins.Register(services, configuration, name);
        return [.. names.Select(n => Registration(services, n)!)];
    }

    private static void AddSharedServices(IServiceCollection services, IConfiguration configuration)
    {
        var environment = ServiceDescriptor.Singleton<IPostConfigureOptions<OpenAIOptions>, OpenAIEnvironmentDefaults>();
        if (services.Any(d => d.ServiceType == environment.ServiceType && !d.IsKeyedService && d.ImplementationType == environment.ImplementationType))
            return;
        services.TryAddEnumerable(environment);
        // Bound (not copied) so that a reloaded configuration — a key saved with the configure function — applies at once.
        services.AddOptions<OpenAIOptions>().Bind(configuration.GetSection(OpenAIOptions.SectionName));
        services.TryAddSingleton(configuration);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new AppPaths(configuration["Server:PromptsPath"], configuration["Server:OutputFolder"], configuration["Server:DataFolder"]));
        services.TryAddSingleton<OpenAIClientFactory>();
        services.AddSharedState(configuration[SharedState.PostgreSQLSetting], configuration[SharedState.RedisSetting]);
        // Every OpenAI client the factory makes passes the operations layers (cache, limits, usage and budget, pre-check).
        services.AddOperations(configuration);
        // What [FromKernelServices] parameters receive: forwarded to the host of the call in progress, if any.
        services.TryAddSingleton<IProgress<FunctionProgress>>(AmbientProgress.Instance);
        services.TryAddSingleton<IUserInput>(AmbientUserInput.Instance);
    }

    private static PluginRegistration? Registration(IServiceCollection services, string name) =>
        services.Where(d => d.ServiceType == typeof(PluginRegistration) && !d.IsKeyedService)
            .Select(d => d.ImplementationInstance)
            .OfType<PluginRegistration>()
            .FirstOrDefault(r => r.Name == name);
}
