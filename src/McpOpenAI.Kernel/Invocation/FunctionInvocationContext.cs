using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Invocation;

/// <summary>Everything a filter knows about one call.</summary>
public sealed class FunctionInvocationContext
{
    /// <summary>Creates the context of one call.</summary>
    public FunctionInvocationContext(PluginKernel kernel, AIPlugin plugin, AIFunction function, AIFunctionArguments arguments, InvocationSource source, CancellationToken cancellationToken)
    {
        Kernel = kernel;
        Plugin = plugin;
        Function = function;
        Arguments = arguments;
        Source = source;
        CancellationToken = cancellationToken;
    }

    /// <summary>The kernel running the call.</summary>
    public PluginKernel Kernel { get; }

    /// <summary>The plugin the function belongs to.</summary>
    public AIPlugin Plugin { get; }

    /// <summary>The function being called.</summary>
    public AIFunction Function { get; }

    /// <summary>The call's arguments; filters may change them.</summary>
    public AIFunctionArguments Arguments { get; }

    /// <summary>Who started the call.</summary>
    public InvocationSource Source { get; }

    /// <summary>Identifies the caller (an access token's name, a session), when the host knows it.</summary>
    public string? CallerId { get; init; }

    /// <summary>Cancelled when the caller gives up.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary><c>Plugin.function</c>.</summary>
    public string QualifiedName => $"{Plugin.Name}.{Function.Name}";

    /// <summary>Scratch space shared by the filters of this call.</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>();
}
