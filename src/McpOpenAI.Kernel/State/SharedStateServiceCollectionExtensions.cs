using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace McpOpenAI.Kernel.State;

/// <summary>Registers <see cref="SharedState"/>.</summary>
public static class SharedStateServiceCollectionExtensions
{
    /// <summary>Adds the shared state from the values of <c>State:PostgreSQL</c> and <c>State:Redis</c> (once; the first call wins).</summary>
    public static IServiceCollection AddSharedState(this IServiceCollection services, string? postgreSql, string? redis)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => new SharedState(postgreSql, redis));
        return services;
    }

    /// <summary>The registered shared state, or the embedded defaults when there is none.</summary>
    public static SharedState GetSharedState(this IServiceProvider services) =>
        services.GetService<SharedState>() ?? SharedState.Embedded;
}
