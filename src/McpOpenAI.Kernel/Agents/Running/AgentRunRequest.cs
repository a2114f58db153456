using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Agents;

/// <summary>Everything one agent run needs.</summary>
public sealed record AgentRunRequest
{
    /// <summary>The model to talk to (OpenAI, MCP sampling, or any <see cref="IChatClient"/>).</summary>
    public required IChatClient Client { get; init; }

    /// <summary>
    /// The conversation so far (system instructions, earlier turns, the new user message). The runner appends the
    /// model's messages and the tool results to it, so after the run it holds the whole exchange.
    /// </summary>
    public required List<ChatMessage> Conversation { get; init; }

    /// <summary>
    /// The tools the model may call. Use <see cref="PluginKernel.GetKernelFunctions"/> so every call passes the
    /// kernel's filters.
    /// </summary>
    public IReadOnlyList<AIFunction> Tools { get; init; } = [];

    /// <summary>Model and sampling settings; the runner adds the tools and the remaining token budget.</summary>
    public ChatOptions? Options { get; init; }

    /// <summary>The caps of the run.</summary>
    public AgentLimits Limits { get; init; } = AgentLimits.Default;

    /// <summary>Receives streamed text (batched) and a status line per tool call start and end.</summary>
    public IProgress<FunctionProgress>? Progress { get; init; }

    /// <summary>
    /// The agent's own call arguments: their services and context (e.g. the caller's chat client) travel to the
    /// tools; their progress reporter does not (a tool's own streamed output is not the agent's answer).
    /// </summary>
    public AIFunctionArguments? CallerArguments { get; init; }

    /// <summary>The session the run belongs to; echoed in the result.</summary>
    public string? SessionId { get; init; }
}
