using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

#pragma warning disable MCP9006 // Resumability belongs to stateful Streamable HTTP, which the 2025-11-25 clients we serve use.

/// <summary>
/// The resumable streams of one instance, in memory: each event is kept as the JSON bytes of its message in one queue in
/// the order written, and the oldest go first once the bytes pass the limit or the retention has passed. So memory is
/// bounded by what is written, each write is a few operations with no search and no compaction, and a resumed stream
/// waits for its next event instead of polling. The SDK's <c>DistributedCacheEventStreamStore</c> is the choice when
/// several instances share the streams (Redis); over an in-memory cache it stores every event twice (event and stream
/// metadata), lets entries take memory the size limit does not see, and compacts under load.
/// </summary>
internal sealed class MemoryEventStreamStore : ISseEventStreamStore
{
    // What an event and a stream cost beyond the event's bytes (array header, queue slots, the stream's objects),
    // counted so that the limit bounds the memory really held, not only the JSON.
    private const int EventOverhead = 128;
    private const int StreamOverhead = 320;
    private static readonly JsonTypeInfo<JsonRpcMessage> MessageType =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private readonly Lock _gate = new();
    private readonly Queue<(EventStream Stream, long Size, long WrittenAt)> _events = new();
    private readonly Dictionary<long, EventStream> _streams = [];
    private readonly string _instance = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly long _limit;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;
    private long _nextStream;
    private long _bytes;

    public MemoryEventStreamStore(long sizeLimit, TimeSpan retention, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeLimit, 1);
        _limit = sizeLimit;
        _retention = retention;
        _time = time;
    }

    /// <summary>The bytes the kept events take, by the store's own count.</summary>
    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    /// <summary>The streams known (running, or finished with events still kept).</summary>
    public int Streams
    {
        get { lock (_gate) return _streams.Count; }
    }

    public ValueTask<ISseEventStreamWriter> CreateStreamAsync(SseEventStreamOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        EventStream stream;
        lock (_gate)
        {
            stream = new EventStream(this, ++_nextStream, options.SessionId, options.StreamId, options.Mode);
            _streams[stream.Number] = stream;
            _bytes += StreamOverhead;
        }
        return ValueTask.FromResult<ISseEventStreamWriter>(stream);
    }

    public ValueTask<ISseEventStreamReader?> GetStreamReaderAsync(string lastEventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lastEventId);
        // "{instance}-{stream}-{sequence}": an id from another instance or an earlier run of this one is not ours.
        var parts = lastEventId.Split('-');
        if (parts.Length != 3 || parts[0] != _instance
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            return ValueTask.FromResult<ISseEventStreamReader?>(null);
        lock (_gate)
        {
            Trim();
            // Gone, or the events after the client's last one were already dropped: the client must start over.
            if (!_streams.TryGetValue(number, out var stream) || sequence > stream.LastSequence || sequence + 1 < stream.FirstKept)
                return ValueTask.FromResult<ISseEventStreamReader?>(null);
            return ValueTask.FromResult<ISseEventStreamReader?>(new Reader(stream, sequence + 1));
        }
    }

    private string EventId(EventStream stream, long sequence) => $"{_instance}-{stream.Number}-{sequence}";

    private void Append(EventStream stream, KeptEvent kept)
    {
        lock (_gate)
        {
            var size = kept.Bytes.Length + (kept.Type?.Length ?? 0) * 2 + EventOverhead;
            var sequence = kept.Sequence;
            stream.Kept.Enqueue(kept);
            stream.LastSequence = sequence;
            _events.Enqueue((stream, size, _time.GetTimestamp()));
            _bytes += size;
            Trim();
        }
        stream.Signal();
    }

    private void Complete(EventStream stream)
    {
        lock (_gate)
        {
            stream.Completed = true;
            if (stream.Kept.Count == 0)
                Forget(stream);
        }
        stream.Signal();
    }

    // Under the lock. The oldest event is always the first its stream still keeps, so dropping it is O(1).
    private void Trim()
    {
        var now = _time.GetTimestamp();
        while (_events.TryPeek(out var oldest) && (_bytes > _limit || _time.GetElapsedTime(oldest.WrittenAt, now) > _retention))
        {
            _events.Dequeue();
            _bytes -= oldest.Size;
            var stream = oldest.Stream;
            stream.Kept.Dequeue();
            stream.FirstKept++;
            if (stream.Completed && stream.Kept.Count == 0)
                Forget(stream);
        }
    }

    private void Forget(EventStream stream)
    {
        if (_streams.Remove(stream.Number))
            _bytes -= StreamOverhead;
    }

    private sealed class EventStream(MemoryEventStreamStore store, long number, string sessionId, string streamId, SseEventStreamMode mode)
        : ISseEventStreamWriter
    {
        // Made only when a resumed reader waits for the next event (most streams are never resumed).
        private TaskCompletionSource? _changed;
        private long _sequence;

        public long Number { get; } = number;
        public string SessionId { get; } = sessionId;
        public string StreamId { get; } = streamId;
        public SseEventStreamMode Mode { get; private set; } = mode;

        // Guarded by the store's lock.
        public Queue<KeptEvent> Kept { get; } = new(2);
        public long FirstKept { get; set; } = 1;
        public long LastSequence { get; set; }
        public bool Completed { get; set; }

        public Task Changed
        {
            get
            {
                var changed = Volatile.Read(ref _changed);
                if (changed is null)
                {
                    var made = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    changed = Interlocked.CompareExchange(ref _changed, made, null) ?? made;
                }
                return changed.Task;
            }
        }

        public ValueTask SetModeAsync(SseEventStreamMode mode, CancellationToken cancellationToken = default)
        {
            Mode = mode;
            Signal();
            return ValueTask.CompletedTask;
        }

        public ValueTask<SseItem<JsonRpcMessage?>> WriteEventAsync(SseItem<JsonRpcMessage?> sseItem, CancellationToken cancellationToken = default)
        {
            if (sseItem.EventId is not null)
                return ValueTask.FromResult(sseItem);
            // One writer per stream (the SDK's rule), so the sequence needs no lock of its own.
            var sequence = ++_sequence;
            var bytes = sseItem.Data is { } data ? JsonSerializer.SerializeToUtf8Bytes(data, MessageType) : [];
            store.Append(this, new KeptEvent(sequence, sseItem.EventType, sseItem.ReconnectionInterval, bytes));
            return ValueTask.FromResult(sseItem with { EventId = store.EventId(this, sequence) });
        }

        public ValueTask DisposeAsync()
        {
            store.Complete(this);
            return ValueTask.CompletedTask;
        }

        public void Signal() => Interlocked.Exchange(ref _changed, null)?.TrySetResult();

        // The kept events after 'next', in order, copied under the lock.
        public KeptEvent[] From(long next, out bool completed, out long missing)
        {
            lock (store._gate)
            {
                completed = Completed;
                missing = next < FirstKept ? FirstKept - next : 0;
                return [.. Kept.Where(e => e.Sequence >= next)];
            }
        }

        public string IdOf(long sequence) => store.EventId(this, sequence);
    }

    private readonly record struct KeptEvent(long Sequence, string? Type, TimeSpan? Retry, byte[] Bytes);

    private sealed class Reader(EventStream stream, long next) : ISseEventStreamReader
    {
        public string SessionId => stream.SessionId;
        public string StreamId => stream.StreamId;

        public async IAsyncEnumerable<SseItem<JsonRpcMessage?>> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            while (true)
            {
                var changed = stream.Changed;
                var events = stream.From(next, out var completed, out var missing);
                if (missing > 0)
                    throw new McpException($"{missing} event(s) of this stream were dropped before they could be resumed; send the request again.");
                foreach (var kept in events)
                {
                    var data = kept.Bytes.Length == 0 ? null : JsonSerializer.Deserialize(kept.Bytes, MessageType);
                    yield return new SseItem<JsonRpcMessage?>(data, kept.Type) { EventId = stream.IdOf(kept.Sequence), ReconnectionInterval = kept.Retry };
                    next = kept.Sequence + 1;
                }
                if (completed || stream.Mode == SseEventStreamMode.Polling)
                    yield break;
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
