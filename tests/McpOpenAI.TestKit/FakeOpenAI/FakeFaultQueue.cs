namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>The faults waiting to hit requests, in order; each is used once.</summary>
public sealed class FakeFaultQueue
{
    private readonly List<(string? Path, FakeFault Fault)> _items = [];

    /// <summary>How many faults are still waiting.</summary>
    public int Count
    {
        get { lock (_items) return _items.Count; }
    }

    /// <summary>Queues a fault for the next request to any path.</summary>
    public void Enqueue(FakeFault fault) => Add(null, fault);

    /// <summary>Queues a fault for the next request to <paramref name="path"/> (e.g. <c>chat/completions</c> or <c>/v1/chat/completions</c>).</summary>
    public void Enqueue(string path, FakeFault fault) => Add(FakeOpenAIServer.NormalizePath(path), fault);

    /// <summary>Removes every waiting fault.</summary>
    public void Clear()
    {
        lock (_items) _items.Clear();
    }

    internal FakeFault? TryTake(string path)
    {
        lock (_items)
        {
            var index = _items.FindIndex(i => i.Path is null || string.Equals(i.Path, path, StringComparison.OrdinalIgnoreCase));
            if (index < 0) return null;
            var fault = _items[index].Fault;
            _items.RemoveAt(index);
            return fault;
        }
    }

    private void Add(string? path, FakeFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_items) _items.Add((path, fault));
    }
}
