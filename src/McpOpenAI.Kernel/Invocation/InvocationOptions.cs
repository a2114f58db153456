namespace McpOpenAI.Kernel.Invocation;

/// <summary>How a call through <c>PluginKernel.InvokeAsync</c> is made.</summary>
public sealed record InvocationOptions
{
    /// <summary>The default: a direct call.</summary>
    public static InvocationOptions Default { get; } = new();

    /// <summary>Who started the call.</summary>
    public InvocationSource Source { get; init; } = InvocationSource.Direct;

    /// <summary>Identifies the caller, for filters that apply per-caller rules.</summary>
    public string? CallerId { get; init; }
}
