using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Server.Bridge;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Jobs;

/// <summary>Waits a while for a job to end, passing its progress to the waiting request's progress token meanwhile.</summary>
internal static class JobWait
{
    /// <summary>
    /// Waits up to <paramref name="wait"/> for the job; returns early when it ends, throws when the request is cancelled.
    /// <paramref name="first"/> is reported to the request first (where the job stands), and <paramref name="listening"/>
    /// runs once progress flows, so a job started there loses no report. Every notification goes out before this returns.
    /// </summary>
    public static async Task ForAsync(Job job, RequestContext<CallToolRequestParams> request, TimeSpan wait, TimeProvider time,
        FunctionProgress? first, Action? listening, CancellationToken cancellationToken)
    {
        var reporter = request.Params?.ProgressToken is { } token ? new McpProgressReporter(request.Server, token, cancellationToken) : null;
        var subscription = reporter is null ? null : job.Progress.Listen(reporter);
        try
        {
            if (first is { } report)
                reporter?.Report(report);
            listening?.Invoke();
            await job.Ended.WaitAsync(wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The wait is over; the job goes on.
        }
        finally
        {
            subscription?.Dispose();
            if (reporter is not null)
                await reporter.DisposeAsync().ConfigureAwait(false);
        }
    }
}
