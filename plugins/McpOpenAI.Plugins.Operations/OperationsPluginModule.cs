using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Resources;
using McpOpenAI.Kernel.State;
using McpOpenAI.Plugins.Operations.Budget;
using McpOpenAI.Plugins.Operations.Caching;
using McpOpenAI.Plugins.Operations.Limits;
using McpOpenAI.Plugins.Operations.Safety;
using McpOpenAI.Plugins.Operations.Telemetry;
using McpOpenAI.Plugins.Operations.Usage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Operations;

/// <summary>
/// Registers operations: the layers every OpenAI client passes (<see cref="OpenAIClientLayers"/> — budget guard, moderation
/// pre-check, per-model rate limits and usage recording as SDK pipeline policies; the deterministic chat cache and
/// OpenTelemetry in the chat pipeline; the embedding and moderation caches), the tool-call metrics filter, the usage
/// store and resources, and the <c>Operations</c> plugin (<c>cache_stats</c>, <c>clear_cache</c>, <c>get_usage</c>).
/// </summary>
public static class OperationsPluginModule
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "Operations";

    /// <summary>Adds the operations services and layers (once), read from <c>Cache</c>, <c>OpenAI:Limits</c>, <c>Budget</c>, <c>Pricing</c>, <c>Safety</c>, <c>State:Redis</c> (the cache) and <c>State:PostgreSQL</c> (usage).</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(UsagePolicy))) return services;
        KernelJson.AddTypes(OperationsJson.Default);

        services.TryAddSingleton<OperationsOptionsValidator>();
        services.AddOptions<CacheOptions>().Bind(configuration.GetSection(CacheOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Configure(o => o.Read(configuration.GetSection(RateLimitOptions.SectionName))).ValidateOnStart();
        services.AddOptions<BudgetOptions>().Bind(configuration.GetSection(BudgetOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SafetyOptions>().Bind(configuration.GetSection(SafetyOptions.SectionName));
        services.AddOptions<PricingOptions>().Configure(o =>
        {
            o.Models = PriceTable.Defaults();
            configuration.GetSection(PricingOptions.SectionName).Bind(o);
        }).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CacheOptions>>(sp => sp.GetRequiredService<OperationsOptionsValidator>());
        services.AddSingleton<IValidateOptions<RateLimitOptions>>(sp => sp.GetRequiredService<OperationsOptionsValidator>());
        services.AddSingleton<IValidateOptions<BudgetOptions>>(sp => sp.GetRequiredService<OperationsOptionsValidator>());
        services.AddSingleton<IValidateOptions<PricingOptions>>(sp => sp.GetRequiredService<OperationsOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSharedState(configuration[SharedState.PostgreSQLSetting], configuration[SharedState.RedisSetting]);
        services.TryAddSingleton<IDistributedCache>(sp => CacheStorage.Create(sp.GetSharedState(), sp.GetRequiredService<IOptions<CacheOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(CacheStorage))));
        services.TryAddSingleton<OperationsMetrics>();
        services.TryAddSingleton<OperationsCache>();
        services.TryAddSingleton<IUsageStore>(sp => new DatabaseUsageStore(sp.GetSharedState().Database(Path.Combine(sp.GetRequiredService<AppPaths>().DataFolder, "usage.db"))));
        services.TryAddSingleton<UsageLedger>();
        services.TryAddSingleton<PriceTable>();
        services.TryAddSingleton<BudgetGuard>();
        services.TryAddSingleton<UsageReporter>();
        services.TryAddSingleton<ModelRateLimiter>();
        services.TryAddSingleton<UsagePolicy>();
        services.AddSingleton<IResourceProvider, UsageResources>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, ToolMetricsFilter>());
        services.TryAddSingleton(Layers);
        return services;
    }

    /// <summary>Adds the operations services and the <c>Operations</c> plugin.</summary>
    public static IServiceCollection AddOperationsPlugin(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOperations(configuration).AddPluginParts(PluginName,
            "Operations: the response cache (cache_stats, clear_cache) and OpenAI usage and estimated cost with the budget (get_usage).",
            parts => parts.Add<CacheFunctions>().Add<UsageFunctions>());

    // Outermost first: nothing is charged past a spent budget, nothing flagged is paid for, nothing over a limit is sent,
    // and what is sent is recorded once per call whatever the retries.
    private static OpenAIClientLayers Layers(IServiceProvider services)
    {
        var cache = services.GetRequiredService<OperationsCache>();
        var openAI = services.GetRequiredService<IOptionsMonitor<OpenAIOptions>>();
        var loggers = services.GetService<ILoggerFactory>();
        var layers = new OpenAIClientLayers();
        layers.Policies.Add(new BudgetPolicy(services.GetRequiredService<BudgetGuard>()));
        layers.Policies.Add(new PromptPrecheckPolicy(services.GetRequiredService<IOptionsMonitor<SafetyOptions>>(), services.GetRequiredService<OpenAIClientFactory>));
        layers.Policies.Add(new RateLimitPolicy(services.GetRequiredService<ModelRateLimiter>()));
        layers.Policies.Add(services.GetRequiredService<UsagePolicy>());
        // The cache sits outside the telemetry layer, so gen_ai metrics count only what OpenAI really served.
        layers.Chat.Add(builder => builder
            .UseDeterministicCache(cache.For(CacheKind.Chat), () => [.. Scope(openAI.CurrentValue), openAI.CurrentValue.ChatModel])
            .UseOpenTelemetry(loggers, OperationsMetrics.Name));
        layers.Embeddings.Add((builder, model) => builder
            .Use(UsageCarryingEmbeddingGenerator.Outer)
            .UseDistributedCache(cache.For(CacheKind.Embedding), generator => generator.CacheKeyAdditionalValues = [model, .. Scope(openAI.CurrentValue)])
            .Use(UsageCarryingEmbeddingGenerator.Inner));
        layers.Moderations.Add((client, model) => new CachingModerationClient(client, cache, string.Join("|", [model, .. Scope(openAI.CurrentValue)])));
        return layers;
    }

    // What tells one account's answers from another's without the key: endpoint, organization, project.
    private static string[] Scope(OpenAIOptions options) => [options.BaseUrl ?? "", options.OrganizationId ?? "", options.ProjectId ?? ""];
}
