using System.Reflection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>Behavioural hints of a function, which hosts show to users and models (MCP tool annotations).</summary>
public sealed record FunctionTraits
{
    /// <summary>The key under which a function made in code carries its traits in <see cref="KernelFunctionMetadata.AdditionalProperties"/>.</summary>
    public const string PropertyKey = "mcpopenai.traits";

    /// <summary>A short human-readable title.</summary>
    public string? Title { get; init; }

    /// <summary>True when the function changes nothing.</summary>
    public bool? ReadOnly { get; init; }

    /// <summary>True when the function may delete or overwrite.</summary>
    public bool? Destructive { get; init; }

    /// <summary>True when repeating a call has no further effect.</summary>
    public bool? Idempotent { get; init; }

    /// <summary>True when the function reaches outside systems.</summary>
    public bool? OpenWorld { get; init; }

    /// <summary>True when a call may take longer than a client waits (a model call, a render); hosts may run it as a job.</summary>
    public bool? LongRunning { get; init; }

    /// <summary>
    /// True for a function only agents may call: hosts do not offer it to their own clients. Other MCP servers' tools are
    /// such functions; their clients can reach those servers directly, and should decide themselves whether to.
    /// </summary>
    public bool? AgentOnly { get; init; }
}

/// <summary>Reads <see cref="FunctionTraits"/> of any kernel function.</summary>
public static class FunctionTraitsExtensions
{
    /// <summary>
    /// The function's traits: those it carries in its metadata, else those of its method's
    /// <see cref="FunctionTraitsAttribute"/>, else those its plugin declares for it (prompt files), else none.
    /// </summary>
    public static FunctionTraits GetTraits(this KernelFunction function, KernelPlugin? plugin = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.Metadata.AdditionalProperties.TryGetValue(FunctionTraits.PropertyKey, out var value) && value is FunctionTraits traits)
            return traits;
        if (function.UnderlyingMethod?.GetCustomAttribute<FunctionTraitsAttribute>() is { } attribute)
            return attribute.ToTraits();
        if (plugin is IPromptPlugin prompts && prompts.TryGetPrompt(function.Name, out var prompt))
            return prompt.Traits;
        return new FunctionTraits();
    }
}
