using System.Collections.Concurrent;
using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Kernel.Tests.Agents;

/// <summary>Keeps every progress report as it comes (synchronously, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class ProgressLog : IProgress<FunctionProgress>
{
    private readonly ConcurrentQueue<FunctionProgress> _reports = new();

    public FunctionProgress[] Reports => [.. _reports];

    public string[] StatusLines => [.. _reports.Where(r => r.Kind == ProgressKind.Status).Select(r => r.Message!)];

    /// <summary>The streamed text, with each status line as "[line]" where it came.</summary>
    public string Transcript => string.Concat(_reports.Select(r => r.Kind == ProgressKind.TextDelta ? r.Message : $"[{r.Message}]"));

    public void Report(FunctionProgress value) => _reports.Enqueue(value);
}
