using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>One agent run over the test kernel's Test plugin, a scripted model and a progress log.</summary>
internal sealed class AgentLoopHarness(Microsoft.SemanticKernel.IFunctionInvocationFilter? filter = null)
{
    public AgentTestKernel Test { get; } = new(filter: filter);

    public AgentScript Script => Test.Script;

    public AgentTestPlugin Plugin => Test.Plugin;

    public RecordingFilter Filter => Test.Filter;

    public ProgressLog Progress { get; } = new();

    public List<ChatMessage> Conversation { get; } = [new(ChatRole.System, "You are a test."), new(ChatRole.User, "Question?")];

    public Task<AgentResult> RunAsync(AgentLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var tools = ToolNaming.Assign(Test.Kernel.Plugins).Where(t => t.Plugin.Name == "Test").ToArray();
        return new AgentChatRun(Test.Kernel, tools, null, limits ?? AgentLimits.Default, Progress).RunAsync(Conversation, "s1", cancellationToken);
    }

    /// <summary>The text of every tool result the model was sent in its last request.</summary>
    public IReadOnlyList<string> ToolResultsSent() => [.. Script.Client.LastCall.Messages
        .SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString() ?? string.Empty)];
}
