using System.Diagnostics;
using System.Text;
using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// Collects streamed text and reports it as <see cref="ProgressKind.TextDelta"/> progress in batches — when
/// enough text or time has gathered, and at the end — so a client is not sent one notification per token.
/// </summary>
internal sealed class TextDeltaBatcher
{
    private readonly IProgress<FunctionProgress> _progress;
    private readonly int _maxChars;
    private readonly TimeSpan _maxDelay;
    private readonly StringBuilder _pending = new();
    private readonly Stopwatch _sinceFlush = Stopwatch.StartNew();

    public TextDeltaBatcher(IProgress<FunctionProgress> progress, int maxChars = 200, TimeSpan? maxDelay = null)
    {
        _progress = progress;
        _maxChars = maxChars;
        _maxDelay = maxDelay ?? TimeSpan.FromMilliseconds(100);
    }

    public void Add(string text)
    {
        if (text.Length == 0)
            return;
        _pending.Append(text);
        if (_pending.Length >= _maxChars || _sinceFlush.Elapsed >= _maxDelay)
            Flush();
    }

    public void Flush()
    {
        _sinceFlush.Restart();
        if (_pending.Length == 0)
            return;
        var chunk = _pending.ToString();
        _pending.Clear();
        _progress.Report(new FunctionProgress(Message: chunk, Kind: ProgressKind.TextDelta));
    }
}
