using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>Tools for the loop tests: a lookup, a failure, a meeting point that proves overlap, and a wait.</summary>
public sealed class AgentTestPlugin
{
    private readonly TaskCompletionSource _bothArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    /// <summary>Completes when a <see cref="Wait"/> call has started.</summary>
    public TaskCompletionSource WaitStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a <see cref="Wait"/> call saw its cancellation.</summary>
    public TaskCompletionSource WaitCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [KernelFunction("lookup")]
    [Description("Looks up a value.")]
    public string Lookup([Description("The key.")] string key) => key switch
    {
        "capital" => "Paris",
        "river" => "Seine",
        _ => throw new FunctionException(ErrorCodes.NotFound, $"No value for '{key}'.", ["Try 'capital' or 'river'."]),
    };

    [KernelFunction("fail")]
    [Description("Always fails.")]
    public string Fail() => throw new InvalidOperationException("the disk is on fire");

    [KernelFunction("meet")]
    [Description("Returns when two calls of it are running at the same time.")]
    public async Task<string> Meet(string who, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _arrived) == 2)
            _bothArrived.TrySetResult();
        await _bothArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return $"{who} met";
    }

    [KernelFunction("wait")]
    [Description("Waits until cancelled.")]
    public async Task<string> Wait(CancellationToken cancellationToken)
    {
        WaitStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            WaitCancelled.TrySetResult();
            throw;
        }
        return "never";
    }

    [KernelFunction("count_words")]
    [Description("Counts the words of a text; its parameter is camelCase in C#.")]
    public int CountWords([Description("The text.")] string textToCount) => textToCount.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
