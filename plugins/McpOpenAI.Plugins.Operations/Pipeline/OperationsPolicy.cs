using System.ClientModel.Primitives;

namespace McpOpenAI.Plugins.Operations.Pipeline;

/// <summary>
/// A per-call OpenAI SDK pipeline policy written once for both of the SDK's paths: the asynchronous one every
/// McpOpenAI function takes, and the synchronous one, which runs the same code and waits for it.
/// </summary>
public abstract class OperationsPolicy : PipelinePolicy
{
    /// <inheritdoc />
    public sealed override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        RunAsync(message, () =>
        {
            ProcessNext(message, pipeline, currentIndex);
            return ValueTask.CompletedTask;
        }).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public sealed override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        RunAsync(message, () => ProcessNextAsync(message, pipeline, currentIndex));

    /// <summary>Handles one call; <paramref name="next"/> sends it on (to the next policy, the retries and the wire).</summary>
    protected abstract ValueTask RunAsync(PipelineMessage message, Func<ValueTask> next);
}
