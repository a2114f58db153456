using System.Globalization;
using System.Text;
using System.Text.Json;
using McpOpenAI.Kernel;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Jobs;

/// <summary>The tool results that describe jobs: a status (text that says what to do next, links to saved files, structured content) and a list.</summary>
internal static class JobResults
{
    /// <summary>A job's status. A running job's text tells the model exactly how to fetch the rest.</summary>
    public static CallToolResult Status(JobRecord job, DateTimeOffset now, TimeSpan retention)
    {
        var view = View(job, now);
        var content = new List<ContentBlock> { new TextContentBlock { Text = Describe(job, view, retention) } };
        foreach (var file in job.Progress.Files)
        {
            if (file.Uri is { } uri)
                content.Add(new ResourceLinkBlock { Uri = uri, Name = Path.GetFileName(file.Path), MimeType = file.MimeType });
        }
        return new CallToolResult { Content = content, StructuredContent = KernelJson.SerializeToElement(view, ServerJson.Options) };
    }

    /// <summary>list_jobs' result.</summary>
    public static CallToolResult List(IReadOnlyList<JobRecord> jobs, DateTimeOffset now, TimeSpan retention)
    {
        var list = new JobList
        {
            // Without what each did so far: that is get_job's to show, and fifty jobs' streamed text would be a lot.
            Jobs = [.. jobs.Select(j => View(j, now) with { Files = null, Text = null })],
            Retention = Durations.Words(retention),
        };
        var json = KernelJson.SerializeToElement(list, ServerJson.Options);
        return new CallToolResult { Content = [new TextContentBlock { Text = json.GetRawText() }], StructuredContent = json };
    }

    private static JobStatusView View(JobRecord job, DateTimeOffset now) => new()
    {
        Job = job.Id,
        Tool = job.Tool,
        Status = job.State.Name(),
        Started = job.Started,
        Finished = job.Finished,
        ElapsedSeconds = Seconds(job.Elapsed(now)),
        Message = job.Progress.Message,
        Progress = job.Progress.Progress,
        Total = job.Progress.Total,
        Files = job.Progress.Files.Count == 0 ? null : [.. job.Progress.Files.Select(f => f.Path)],
        Text = job.Progress.Text,
        Note = job.Note,
    };

    private static string Describe(JobRecord job, JobStatusView view, TimeSpan retention)
    {
        var elapsed = view.ElapsedSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        switch (job.State)
        {
            case JobState.Running:
                text.Append(CultureInfo.InvariantCulture, $"{job.Tool} is still running after {elapsed} s, so it goes on as job {job.Id}; nothing is lost. ")
                    .Append(CultureInfo.InvariantCulture, $"To get its result call get_job with {{\"job\": \"{job.Id}\"}} (add \"wait_seconds\": 30 to wait up to 30 s; at most {WaitSeconds.Maximum}). ")
                    .Append(CultureInfo.InvariantCulture, $"It returns the same result {job.Tool} would have, or this status again while it runs. cancel_job stops it; results are kept for {Durations.Words(retention)}.");
                break;
            case JobState.Cancelled:
                text.Append(CultureInfo.InvariantCulture, $"Job {job.Id} ({job.Tool}) was cancelled after {elapsed} s and has no result. Files it saved before that stay where they are.");
                break;
            case JobState.Interrupted:
                text.Append(CultureInfo.InvariantCulture, $"Job {job.Id} ({job.Tool}) was interrupted after {elapsed} s: {job.Note} Call {job.Tool} again to redo it.");
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $"Job {job.Id} ({job.Tool}) already finished ({view.Status}) after {elapsed} s. ")
                    .Append(CultureInfo.InvariantCulture, $"get_job with {{\"job\": \"{job.Id}\"}} returns its result.");
                break;
        }
        if (view.Message is { } message)
            text.Append("\nLatest: ").Append(message);
        if (view.Progress is { } progress)
            text.Append(CultureInfo.InvariantCulture, $"\nProgress: {progress}{(view.Total is { } total ? $" of {total}" : "")}");
        foreach (var file in view.Files ?? [])
            text.Append("\nSaved: ").Append(file);
        if (view.Text is { } streamed)
            text.Append("\nSo far:\n").Append(streamed);
        return text.ToString();
    }

    private static double Seconds(TimeSpan elapsed) => Math.Round(Math.Max(0, elapsed.TotalSeconds), 1);
}
