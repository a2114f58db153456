using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Calls;

/// <summary>
/// What the host supplies to one call and to every call it makes in turn (an agent's tools, a template's nested
/// functions): progress reporting, asking the user, the caller's own model, and who the caller is. Hosts begin a
/// call with <see cref="Begin"/>; functions receive these through their parameters (see <see cref="AmbientProgress"/>,
/// <see cref="AmbientUserInput"/>) and never learn which host is behind them.
/// </summary>
public sealed record CallContext
{
    private static readonly AsyncLocal<CallContext?> Ambient = new();

    /// <summary>The context of the call in progress on this logical thread, if a host began one.</summary>
    public static CallContext? Current => Ambient.Value;

    /// <summary>Where progress reports go.</summary>
    public IProgress<FunctionProgress>? Progress { get; init; }

    /// <summary>How to ask the person behind the caller (MCP elicitation).</summary>
    public IUserInput? UserInput { get; init; }

    /// <summary>The caller's own model (MCP sampling), used when no OpenAI key is configured.</summary>
    public IChatClient? CallerChatClient { get; init; }

    /// <summary>Who started the call.</summary>
    public InvocationSource Source { get; init; } = InvocationSource.Direct;

    /// <summary>Identifies the caller (an access token's name, a session), when the host knows it.</summary>
    public string? CallerId { get; init; }

    /// <summary>The tool (or function) the host was asked to run, e.g. <c>chat</c>; what usage is recorded under.</summary>
    public string? ToolName { get; init; }

    /// <summary>Scratch space shared by the filters of this call and of the calls it makes.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<object, object?> Items { get; } = new();

    /// <summary>Makes <paramref name="context"/> current until the returned scope is disposed.</summary>
    public static IDisposable Begin(CallContext context)
    {
        var previous = Ambient.Value;
        Ambient.Value = context;
        return new Scope(previous);
    }

    private sealed class Scope(CallContext? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
