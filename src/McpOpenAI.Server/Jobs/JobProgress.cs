using System.Text;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Server.Jobs;

/// <summary>
/// A job's progress reporter: keeps what was done so far (for the job's status) and passes every report on to the
/// listeners of the moment — the first call's progress token while it waits, then a get_job call's while it waits.
/// </summary>
internal sealed class JobProgress : IProgress<FunctionProgress>
{
    /// <summary>How much streamed text a status carries; the final result has all of it.</summary>
    public const int MaxText = 8_000;

    /// <summary>How many written files a status lists.</summary>
    public const int MaxFiles = 100;

    private readonly Lock _gate = new();
    private readonly List<IProgress<FunctionProgress>> _listeners = [];
    private readonly List<JobFile> _files = [];
    private readonly StringBuilder _text = new();
    private string? _message;
    private double? _progress, _total;
    private bool _textCut;

    public void Report(FunctionProgress value)
    {
        IProgress<FunctionProgress>[] listeners;
        lock (_gate)
        {
            Record(value);
            listeners = [.. _listeners];
        }
        foreach (var listener in listeners)
            listener.Report(value);
    }

    /// <summary>Passes reports on to <paramref name="listener"/> until the returned handle is disposed.</summary>
    public IDisposable Listen(IProgress<FunctionProgress> listener)
    {
        lock (_gate)
            _listeners.Add(listener);
        return new Subscription(this, listener);
    }

    /// <summary>What was done so far.</summary>
    public JobProgressSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new JobProgressSnapshot
            {
                Message = _message,
                Progress = _progress,
                Total = _total,
                Files = [.. _files],
                Text = _text.Length == 0 ? null : _textCut ? _text + "…" : _text.ToString(),
            };
        }
    }

    private void Record(FunctionProgress value)
    {
        if (value.Progress is { } progress)
            _progress = progress;
        if (value.Total is { } total)
            _total = total;
        switch (value.Kind)
        {
            case ProgressKind.TextDelta when value.Message is { } chunk:
                var room = MaxText - _text.Length;
                _textCut |= chunk.Length > room;
                _text.Append(chunk.AsSpan(0, Math.Min(room, chunk.Length)));
                break;
            case ProgressKind.File when !string.IsNullOrEmpty(value.Message):
                if (_files.Count < MaxFiles)
                    _files.Add(value.Content is UriContent link
                        ? new JobFile(value.Message, link.Uri.ToString(), link.MediaType)
                        : new JobFile(value.Message));
                _message = "Saved " + value.Message;
                break;
            case ProgressKind.Status when !string.IsNullOrEmpty(value.Message):
                _message = value.Message;
                break;
        }
    }

    private sealed class Subscription(JobProgress owner, IProgress<FunctionProgress> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
                owner._listeners.Remove(listener);
        }
    }
}
