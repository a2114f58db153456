using System.Collections.Concurrent;

namespace McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;

/// <summary>Records progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class Recorder<T> : IProgress<T>
{
    public ConcurrentQueue<T> Reports { get; } = new();

    public Action<T>? OnReport { get; init; }

    public void Report(T value)
    {
        Reports.Enqueue(value);
        OnReport?.Invoke(value);
    }
}
