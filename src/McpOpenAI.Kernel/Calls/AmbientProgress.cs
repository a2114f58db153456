using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Kernel.Calls;

/// <summary>
/// The <see cref="IProgress{T}"/> service a plugin method receives through
/// <c>[FromKernelServices] IProgress&lt;FunctionProgress&gt;? progress</c>: it forwards every report to the progress
/// reporter of the call in progress (<see cref="CallContext.Current"/>), and drops it when there is none.
/// </summary>
public sealed class AmbientProgress : IProgress<FunctionProgress>
{
    /// <summary>The one instance.</summary>
    public static AmbientProgress Instance { get; } = new();

    /// <inheritdoc />
    public void Report(FunctionProgress value) => CallContext.Current?.Progress?.Report(value);
}
