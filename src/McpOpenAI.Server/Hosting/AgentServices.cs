using McpOpenAI.Kernel.Agents;
using McpOpenAI.Server.McpServers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Hosting;

/// <summary>Registers the agents: their caps filter, the agent files and the other MCP servers whose tools they may call.</summary>
internal static class AgentServices
{
    public static IServiceCollection AddAgents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAgentLimits();
        services.AddOptions<AgentsOptions>().Bind(configuration.GetSection(AgentsOptions.SectionName));
        services.AddSingleton<McpServerPlugins>();
        services.AddSingleton<AgentFilesLoader>();
        return services;
    }
}
