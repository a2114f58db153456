namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// Declares how a plugin function behaves, so hosts can tell users and models the truth about it
/// (the MCP bridge maps these to tool annotations). Everything is optional; unset means "unknown".
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class FunctionTraitsAttribute : Attribute
{
    private bool? _readOnly, _destructive, _idempotent, _openWorld, _longRunning;

    /// <summary>A short human-readable title.</summary>
    public string? Title { get; set; }

    /// <summary>The function does not change anything (no writes, no spending).</summary>
    public bool ReadOnly { get => _readOnly ?? false; set => _readOnly = value; }

    /// <summary>The function may delete or overwrite something.</summary>
    public bool Destructive { get => _destructive ?? false; set => _destructive = value; }

    /// <summary>Calling the function again with the same arguments has no further effect.</summary>
    public bool Idempotent { get => _idempotent ?? false; set => _idempotent = value; }

    /// <summary>The function reaches outside systems (a paid API, the web).</summary>
    public bool OpenWorld { get => _openWorld ?? false; set => _openWorld = value; }

    /// <summary>A call may take longer than a client waits (a model call, a render), so hosts may run it as a job.</summary>
    public bool LongRunning { get => _longRunning ?? false; set => _longRunning = value; }

    internal FunctionTraits ToTraits() => new()
    {
        Title = Title,
        ReadOnly = _readOnly,
        Destructive = _destructive,
        Idempotent = _idempotent,
        OpenWorld = _openWorld,
        LongRunning = _longRunning,
    };
}
