using System.Diagnostics;

namespace McpOpenAI.TestKit.Services;

/// <summary>Runs a program to its end with its output captured, within a time limit.</summary>
public static class ProcessCommand
{
    /// <summary>How a run ended.</summary>
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <paramref name="start"/> (its output is redirected here, its input closed).</summary>
    /// <exception cref="OperationCanceledException">It ran longer than <paramref name="limit"/>, or was cancelled; it is killed.</exception>
    public static async Task<Outcome> RunAsync(ProcessStartInfo start, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = start.RedirectStandardError = start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>Kills a process and its children, if it still runs, and waits until it is gone.</summary>
    public static async Task KillAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}
