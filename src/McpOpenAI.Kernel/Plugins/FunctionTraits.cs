using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>Behavioural hints of a function; carried in <see cref="AITool.AdditionalProperties"/>.</summary>
public sealed record FunctionTraits
{
    /// <summary>The key under which the traits are stored in a function's additional properties.</summary>
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
}

/// <summary>Reads <see cref="FunctionTraits"/> from any <see cref="AIFunction"/>.</summary>
public static class FunctionTraitsExtensions
{
    /// <summary>The function's traits, or an empty set when it declares none.</summary>
    public static FunctionTraits GetTraits(this AITool function) =>
        function.AdditionalProperties.TryGetValue(FunctionTraits.PropertyKey, out var value) && value is FunctionTraits traits
            ? traits
            : new FunctionTraits();
}
