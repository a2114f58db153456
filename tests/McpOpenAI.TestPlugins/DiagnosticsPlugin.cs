using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace McpOpenAI.TestPlugins;

/// <summary>Functions that exercise what the bridge must carry: progress, cancellation, rich content, errors.</summary>
[Description("Test functions for progress, cancellation, rich content and errors.")]
public sealed class DiagnosticsPlugin
{
    /// <summary>Signalled (in-process) when <see cref="WaitUntilCancelled"/> sees its token cancelled.</summary>
    public static TaskCompletionSource Cancelled { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Resets <see cref="Cancelled"/> for the next test.</summary>
    public static void Reset() => Cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [KernelFunction("report_progress")]
    [Description("Reports progress the given number of times, then returns.")]
    [FunctionTraits(ReadOnly = true, Idempotent = true)]
    public async Task<string> ReportProgress(
        [Description("How many progress reports to send.")] int steps,
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= steps; i++)
        {
            progress?.Report(new FunctionProgress(i, steps, $"step {i}"));
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
        }
        return $"done {steps}";
    }

    [KernelFunction("wait_until_cancelled")]
    [Description("Waits until the call is cancelled; writes the marker file (if given) when it is.")]
    public async Task<string> WaitUntilCancelled(
        [FromKernelServices] IProgress<FunctionProgress>? progress = null,
        [Description("A file to create when the call is cancelled.")] string? markerPath = null,
        CancellationToken cancellationToken = default)
    {
        progress?.Report(new FunctionProgress(1, null, "waiting"));
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "not cancelled";
        }
        catch (OperationCanceledException)
        {
            if (markerPath is not null)
                await File.WriteAllTextAsync(markerPath, "cancelled", CancellationToken.None);
            Cancelled.TrySetResult();
            throw;
        }
    }

    [KernelFunction("make_image")]
    [Description("Returns a 1x1 PNG image and a link to a file.")]
    public FunctionOutput MakeImage([Description("The file to link to.")] string path) =>
        new(new { path, width = 1, height = 1 },
        [
            new DataContent(OnePixelPng, "image/png"),
            new UriContent(new Uri(Path.GetFullPath(path)), "image/png"),
        ]);

    [KernelFunction("fail")]
    [Description("Fails the given way: 'user' (a clear FunctionException) or 'bug' (an unexpected exception).")]
    public string Fail([Description("user or bug")] string kind) => kind == "user"
        ? throw FunctionException.InvalidArgument("kind", "this is the error you asked for", "user, bug", "user")
        : throw new InvalidOperationException("an unexpected failure");

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
