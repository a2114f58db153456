using System.Reflection;
using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Server.Bridge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Hosting;

/// <summary>Builds the generic host: configuration, logging to stderr, the kernel, its plugins and the MCP server.</summary>
internal static class ServerHost
{
    /// <summary>Command-line switches that are shorter than configuration keys.</summary>
    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--prompts"] = "Server:PromptsPath",
        ["--output"] = "Server:OutputFolder",
        ["--data"] = "Server:DataFolder",
        ["--model"] = "OpenAI:ChatModel",
        ["--base-url"] = "OpenAI:BaseUrl",
        ["--log-level"] = "Logging:LogLevel:Default",
    };

    /// <summary>The server's version, from its assembly.</summary>
    public static string Version =>
        typeof(ServerHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// Creates the host builder. <paramref name="transport"/> adds the MCP server with that transport
    /// (stdio for clients, streams for in-process tests); null builds the kernel alone (list, invoke).
    /// </summary>
    /// <param name="configArgs">Command-line configuration.</param>
    /// <param name="transport">The MCP transport, or null for the kernel alone.</param>
    /// <param name="userConfigFile">The per-user config file; default <see cref="AppPaths.UserConfigFile"/>.</param>
    public static HostApplicationBuilder CreateBuilder(string[] configArgs, Action<IMcpServerBuilder>? transport, string? userConfigFile = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "mcp-openai",
            ContentRootPath = AppContext.BaseDirectory,
        });
        Configure(builder, configArgs, transport, userConfigFile);
        return builder;
    }

    /// <summary>
    /// Adds configuration, logging, the kernel and its plugins, and (with a transport) the MCP server to any host
    /// builder: the generic host of <see cref="CreateBuilder"/>, or the ASP.NET Core host that serves <c>--http</c>.
    /// The configuration sources are in place before <paramref name="transport"/> runs.
    /// </summary>
    /// <param name="builder">The host builder, empty of configuration and logging.</param>
    /// <param name="configArgs">Command-line configuration.</param>
    /// <param name="transport">The MCP transport, or null for the kernel alone.</param>
    /// <param name="userConfigFile">The per-user config file; default <see cref="AppPaths.UserConfigFile"/>.</param>
    /// <param name="metricsScrape">Whether the host serves the Prometheus scrape of the metrics (the HTTP host does).</param>
    public static void Configure(IHostApplicationBuilder builder, string[] configArgs, Action<IMcpServerBuilder>? transport, string? userConfigFile = null,
        bool metricsScrape = false)
    {
        AddConfiguration(builder.Configuration, configArgs, userConfigFile ?? AppPaths.UserConfigFile);
        AddLogging(builder);
        AddServices(builder.Services, builder.Configuration, watchPrompts: transport is not null);
        Telemetry.TelemetryServiceCollectionExtensions.AddMcpOpenAITelemetry(builder.Services, builder.Configuration, Version, metricsScrape);
        if (transport is not null)
            AddMcp(builder.Services, transport);
    }

    // Later sources win: defaults < user secrets < per-user config file < environment < command line.
    private static void AddConfiguration(IConfigurationBuilder configuration, string[] args, string userConfigFile)
    {
        configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddUserSecrets(typeof(ServerHost).Assembly, optional: true, reloadOnChange: false)
            .AddJsonFile(userConfigFile, optional: true, reloadOnChange: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("MCPOPENAI_")
            .AddOpenAIEnvironmentVariables()
            .AddCommandLine(args, Switches);
    }

    private static void AddLogging(IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // stdout carries the MCP protocol: every log line goes to stderr.
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            // Shows the trace and span ids (ActivityTrackingOptions) of a line logged during a traced tool call.
            o.IncludeScopes = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, bool watchPrompts)
    {
        services.AddOptions<OpenAIOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenAIOptions>, OpenAIOptionsValidator>();
        services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();

        services.AddKernelHost();
        // The native plugins with what they need (OpenAI options and client factory, folders, database options, clock):
        // the very registration a Semantic Kernel app makes with AddMcpOpenAIPlugins, so the two cannot drift.
        services.AddMcpOpenAIPluginServices(configuration);
        // Before anything else starts: a shared database or Redis that cannot be reached stops the server here.
        services.AddHostedService<SharedStateCheck>();

        // Prompt functions and agents run on this one chat client: OpenAI when configured, else the caller's model.
        services.AddSingleton<AmbientChatClient>();
        services.AddSingleton<Microsoft.Extensions.AI.IChatClient>(sp => sp.GetRequiredService<AmbientChatClient>());

        services.AddAgents(configuration);
        // Loads plugins, prompt files and then agent files in the background; registered before the MCP server so
        // loading starts first (when the host resolves it), while the server answers initialize.
        services.AddSingleton(new KernelStartup.Mode(watchPrompts));
        services.AddSingleton<KernelStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<KernelStartup>().Begin());

        var extra = configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>()?.PluginAssemblies ?? [];
        services.AddPluginAssemblies(extra.Where(File.Exists));
    }

    /// <summary>The stdio transport: what MCP clients such as Claude Desktop launch.</summary>
    public static void Stdio(IMcpServerBuilder builder) => builder.WithStdioServerTransport();

    private static void AddMcp(IServiceCollection services, Action<IMcpServerBuilder> transport)
    {
        services.AddSingleton<McpBridge>();
        services.AddSingleton<ConnectedServers>();
        services.AddSingleton<Features.LifecycleGate>();
        var mcp = services.AddMcpServer(o =>
            {
                // 2025-11-25 is what today's clients speak. Under 2026-07-28 the SDK sends list_changed only over
                // subscriptions/listen streams that current clients do not open, so hot reload would go unseen.
                o.ProtocolVersion = "2025-11-25";
                o.ServerInfo = new Implementation { Name = "mcp-openai", Title = "McpOpenAI", Version = Version };
                o.ServerInstructions =
                    "Tools for OpenAI: chat, vision, images, moderation, embeddings, and agents. " +
                    "Prompt-file tools render a template and ask the model. Errors say what to change.";
            });
        transport(mcp);
        Jobs.JobServiceCollectionExtensions.AddJobs(services);
        services.AddSingleton<IConfigureOptions<McpServerOptions>>(sp => new ConfigureOptions<McpServerOptions>(o =>
        {
            sp.GetRequiredService<Features.LifecycleGate>().Attach(o);
            sp.GetRequiredService<McpBridge>().Attach(o);
            Bridge.Resources.McpResourceBridge.Attach(o, sp);
        }));
        Features.McpFeatures.AddMcpFeatures(services);
    }
}
