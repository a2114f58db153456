using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Tests.Prompts;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>A kernel whose chat client is a scripted model, with the agent test tools and the text plugin.</summary>
internal sealed class AgentTestKernel : IServiceProvider, IChatClientProvider
{
    public AgentTestKernel(bool withChatClient = true)
    {
        WithChatClient = withChatClient;
        Kernel = new PluginKernel(this, [Filter]);
        Kernel.Plugins.Add(AIPlugin.FromObject(Plugin, "Test"));
        Kernel.Plugins.Add(AIPlugin.FromObject(new TestTextPlugin(), "Text"));
    }

    public bool WithChatClient { get; }

    public PluginKernel Kernel { get; }

    public AgentTestPlugin Plugin { get; } = new();

    public RecordingFilter Filter { get; } = new();

    public AgentScript Script { get; } = new();

    public IChatClient? GetChatClient() => WithChatClient ? Script.Client : null;

    public object? GetService(Type serviceType) => serviceType == typeof(IChatClientProvider) ? this : null;
}
