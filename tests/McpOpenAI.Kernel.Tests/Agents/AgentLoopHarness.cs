using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Invocation;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Tests.Prompts;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>A kernel with the test tools and a recording filter, a scripted model, and a way to run the loop.</summary>
internal sealed class AgentLoopHarness
{
    public AgentLoopHarness()
    {
        Kernel = new PluginKernel(filters: [Filter]);
        Kernel.Plugins.Add(AIPlugin.FromObject(Plugin, "Test"));
    }

    public AgentTestPlugin Plugin { get; } = new();

    public RecordingFilter Filter { get; } = new();

    public PluginKernel Kernel { get; }

    public AgentScript Script { get; } = new();

    public RecordingProgress Progress { get; } = new();

    public List<ChatMessage> Conversation { get; } = [new(ChatRole.System, "You are a test."), new(ChatRole.User, "Question?")];

    public Task<AgentResult> RunAsync(AgentLimits? limits = null, CancellationToken cancellationToken = default) =>
        new AgentRunner().RunAsync(new AgentRunRequest
        {
            Client = Script.Client,
            Conversation = Conversation,
            Tools = Kernel.GetKernelFunctions(["Test"], new InvocationOptions { Source = InvocationSource.Agent }),
            Limits = limits ?? AgentLimits.Default,
            Progress = Progress,
            SessionId = "s1",
        }, cancellationToken);

    /// <summary>The text of every tool result the model was sent in its last request.</summary>
    public IReadOnlyList<string> ToolResultsSent() => Script.Client.LastCall.Messages
        .SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString() ?? string.Empty).ToArray();

    public string[] StatusLines() => Progress.Reports.Where(r => r.Kind == ProgressKind.Status).Select(r => r.Message!).ToArray();
}
