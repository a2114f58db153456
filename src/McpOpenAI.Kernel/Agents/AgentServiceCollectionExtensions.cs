using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents;

/// <summary>Registers what agents need in the application's services.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AgentLimitsFilter"/> as an auto-function-invocation filter, so every kernel built over the services
    /// (every kernel <see cref="KernelHost"/> publishes) enforces the agents' caps.
    /// </summary>
    public static IServiceCollection AddAgentLimits(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAutoFunctionInvocationFilter, AgentLimitsFilter>());
        return services;
    }
}
