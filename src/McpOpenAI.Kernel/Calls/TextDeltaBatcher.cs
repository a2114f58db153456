using System.Text;
using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Kernel.Calls;

/// <summary>
/// Reports streamed text as <see cref="ProgressKind.TextDelta"/> progress in batches — when enough text or time has
/// gathered, and at the end; the first text at once — so an MCP client gets a steady trickle rather than one notification
/// per token. Progress counts the characters streamed so far. Chat, prompt functions and agents all stream through it.
/// </summary>
public sealed class TextDeltaBatcher(IProgress<FunctionProgress> progress, TimeProvider? time = null, int maxChars = 160, int maxDelayMs = 120)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly StringBuilder _pending = new();
    private long _lastFlush = (time ?? TimeProvider.System).GetTimestamp();
    private long _streamed;

    /// <summary>Adds streamed text; sends a batch when it is due.</summary>
    public void Add(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        _pending.Append(text);
        // The first words go out at once (time to first token is what a user feels); later ones in batches.
        if (_streamed == 0 || _pending.Length >= maxChars || _time.GetElapsedTime(_lastFlush).TotalMilliseconds >= maxDelayMs) Flush();
    }

    /// <summary>Sends what is pending.</summary>
    public void Flush()
    {
        _lastFlush = _time.GetTimestamp();
        if (_pending.Length == 0) return;
        _streamed += _pending.Length;
        progress.Report(new FunctionProgress(Progress: _streamed, Message: _pending.ToString(), Kind: ProgressKind.TextDelta));
        _pending.Clear();
    }
}
