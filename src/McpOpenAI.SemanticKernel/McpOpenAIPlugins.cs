using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Plugins.Database;
using McpOpenAI.Plugins.OpenAI;
using McpOpenAI.Plugins.Operations;
using McpOpenAI.Plugins.Research;
using McpOpenAI.Plugins.Support;
using McpOpenAI.Plugins.Utility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace McpOpenAI.SemanticKernel;

/// <summary>
/// The native plugins McpOpenAI ships, by name: the one place that knows which exist and how each is registered
/// with what it needs. The MCP server and <c>AddMcpOpenAIPlugins</c> both register them from here.
/// </summary>
public static class McpOpenAIPlugins
{
    /// <summary>Time and text statistics (<c>get_current_time</c>, <c>text_stats</c>).</summary>
    public const string Utility = "Utility";

    /// <summary>Read-only SQL over the embedded sample company database, SQLite or PostgreSQL (<c>Database:*</c>).</summary>
    public const string Database = "Database";

    /// <summary>OpenAI chat, vision, images, 3D models, moderation, embeddings, models and configuration (<c>OpenAI:*</c>).</summary>
    public const string OpenAI = OpenAIPluginModule.PluginName;

    /// <summary>Search and reading over a document corpus, and OpenAI web search (<c>Research:*</c>).</summary>
    public const string Research = ResearchPluginModule.PluginName;

    /// <summary>Customer support for the sample company: knowledge base, customers, orders, tickets (<c>Support:*</c>).</summary>
    public const string Support = SupportPluginModule.PluginName;

    /// <summary>The response cache and OpenAI usage with the budget (<c>cache_stats</c>, <c>clear_cache</c>, <c>get_usage</c>; <c>Cache:*</c>, <c>Budget:*</c>, <c>Pricing:*</c>).</summary>
    public const string Operations = OperationsPluginModule.PluginName;

    /// <summary>Every plugin, in registration order.</summary>
    public static IReadOnlyList<string> All { get; } = [Utility, Database, OpenAI, Research, Support, Operations];

    /// <summary>The canonical names of <paramref name="names"/> (any case); all plugins when there are none.</summary>
    /// <exception cref="ArgumentException">A name is not one of <see cref="All"/>.</exception>
    internal static IReadOnlyList<string> Resolve(IReadOnlyCollection<string>? names)
    {
        if (names is null || names.Count == 0)
            return All;
        return names.Select(name => All.FirstOrDefault(known => string.Equals(known, name?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"There is no McpOpenAI plugin named '{name}'; the plugins are {string.Join(", ", All)}.", nameof(names)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Registers one plugin (a <see cref="PluginRegistration"/>) and the services only it needs.</summary>
    internal static void Register(IServiceCollection services, IConfiguration configuration, string name)
    {
        switch (name)
        {
            case Utility:
                services.AddUtilityPlugin(Utility);
                break;
            case Database:
                services.TryAddSingleton(sp =>
                {
                    var options = configuration.GetSection(Database).Get<DatabaseOptions>() ?? new DatabaseOptions();
                    options.DataFolder ??= sp.GetRequiredService<AppPaths>().DataFolder;
                    return options;
                });
                services.AddDatabasePlugin(Database);
                break;
            case OpenAI:
                services.AddOpenAIPlugin(configuration);
                break;
            case Research:
                services.AddResearchPlugin(configuration);
                break;
            case Support:
                services.AddSupportPlugin(configuration);
                break;
            case Operations:
                services.AddOperationsPlugin(configuration);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Not a plugin name; see McpOpenAIPlugins.All.");
        }
    }
}
