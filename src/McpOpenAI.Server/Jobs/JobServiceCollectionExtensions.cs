using Microsoft.Extensions.DependencyInjection;

namespace McpOpenAI.Server.Jobs;

/// <summary>Registers long-running calls as jobs and the job tools.</summary>
internal static class JobServiceCollectionExtensions
{
    /// <summary>Adds the job registry (which marks running jobs interrupted when the host stops), the launcher and the tools.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRegistry>());
        services.AddSingleton<JobLauncher>();
        services.AddSingleton<GetJobTool>();
        services.AddSingleton<ListJobsTool>();
        services.AddSingleton<CancelJobTool>();
        services.AddSingleton<JobTools>();
        return services;
    }
}
