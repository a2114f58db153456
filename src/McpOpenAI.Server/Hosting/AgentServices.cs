using McpOpenAI.Kernel.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Hosting;

/// <summary>Registers the agents: their caps filter and the agent files.</summary>
internal static class AgentServices
{
    public static IServiceCollection AddAgents(this IServiceCollection services)
    {
        services.AddAgentLimits();
        services.AddSingleton<AgentFilesLoader>();
        return services;
    }
}
