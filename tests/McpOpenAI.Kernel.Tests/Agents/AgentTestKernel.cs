using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.OpenAI;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Tests.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>
/// A kernel host as the application builds one: a chat client service (a scripted model, or the application's own
/// that falls back to the caller's model), a recording function filter, the agents' caps filter, and the test tools.
/// </summary>
internal sealed class AgentTestKernel
{
    public AgentTestKernel(bool withChatClient = true, IFunctionInvocationFilter? filter = null)
    {
        var services = new ServiceCollection();
        if (withChatClient)
        {
            services.AddSingleton<IChatClient>(Script.Client);
        }
        else
        {
            var options = new TestOptionsMonitor<OpenAIOptions>(new OpenAIOptions());
            services.AddSingleton<IChatClient>(new AmbientChatClient(options, new OpenAIClientFactory(options)));
        }
        services.AddSingleton<IFunctionInvocationFilter>(Filter);
        if (filter is not null)
            services.AddSingleton(filter);
        services.AddAgentLimits();
        Host = new KernelHost(services.BuildServiceProvider(), [PluginFactory.Create(Plugin, "Test"), PluginFactory.Create(new AgentTextPlugin(), "Text")]);
    }

    public KernelHost Host { get; }

    public Microsoft.SemanticKernel.Kernel Kernel => Host.Kernel;

    public AgentTestPlugin Plugin { get; } = new();

    public RecordingFilter Filter { get; } = new();

    public AgentScript Script { get; } = new();
}
