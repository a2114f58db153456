using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using McpOpenAI.Server.Http;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9006 // The resumability API the store implements.

namespace McpOpenAI.Server.Tests.Http;

/// <summary>The in-memory event store's bounds (bytes and retention) and its replay, without HTTP (ResumableStreamTests covers that).</summary>
public sealed class MemoryEventStreamStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyStreams_KeepTheirBytesUnderTheLimit_AndFinishedStreamsGoWithTheirEvents()
    {
        const long limit = 200_000;
        var store = new MemoryEventStreamStore(limit, TimeSpan.FromMinutes(5), TimeProvider.System);

        for (var i = 0; i < 2_000; i++)
        {
            await using var writer = await store.CreateStreamAsync(Options($"s{i % 50}", $"r{i}"), Ct);
            for (var e = 0; e < 5; e++)
                await writer.WriteEventAsync(Event(i, new string('x', 400)), Ct);
            Assert.InRange(store.Bytes, 1, limit);
        }

        // 10,000 events of ~500 bytes were written; what is left fits the limit, and only streams with kept events remain.
        Assert.InRange(store.Bytes, limit / 2, limit);
        Assert.InRange(store.Streams, 1, (int)(limit / 500 / 5) + 1);
    }

    [Fact]
    public async Task Resume_ReplaysWhatCameAfterTheLastEventId_ThenWaitsForTheRestUntilTheStreamEnds()
    {
        var store = new MemoryEventStreamStore(1_000_000, TimeSpan.FromMinutes(5), TimeProvider.System);
        var writer = await store.CreateStreamAsync(Options("session", "stream"), Ct);
        var first = await writer.WriteEventAsync(Event(1, "one"), Ct);
        await writer.WriteEventAsync(Event(2, "two"), Ct);

        var reader = await store.GetStreamReaderAsync(first.EventId!, Ct);
        Assert.NotNull(reader);
        Assert.Equal(("session", "stream"), (reader.SessionId, reader.StreamId));
        var replay = Task.Run(async () =>
        {
            var seen = new List<string>();
            await foreach (var item in reader.ReadEventsAsync(Ct))
                seen.Add($"{item.EventId}:{((JsonRpcResponse)item.Data!).Result!["text"]}");
            return seen;
        }, Ct);
        var third = await writer.WriteEventAsync(Event(3, "three"), Ct);
        await writer.DisposeAsync();

        var seen = await replay.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(2, seen.Count);
        Assert.EndsWith(":two", seen[0], StringComparison.Ordinal);
        Assert.Equal($"{third.EventId}:three", seen[1]);
    }

    [Fact]
    public async Task Resume_AfterTheEventsWereDropped_OrWithAForeignId_IsRefused()
    {
        var time = new ManualTime();
        var store = new MemoryEventStreamStore(1_000_000, TimeSpan.FromMinutes(1), time);
        var writer = await store.CreateStreamAsync(Options("session", "stream"), Ct);
        var first = await writer.WriteEventAsync(Event(1, "one"), Ct);
        await writer.WriteEventAsync(Event(2, "two"), Ct);

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(await store.GetStreamReaderAsync(first.EventId!, Ct));
        var running = store.Bytes;
        Assert.InRange(running, 1, 1_000);
        await writer.DisposeAsync();
        // A finished stream whose events are gone is forgotten, with what it cost.
        Assert.Null(await store.GetStreamReaderAsync(first.EventId!, Ct));
        Assert.Equal((0, 0), (store.Bytes, store.Streams));
        Assert.Null(await store.GetStreamReaderAsync("not-an-id", Ct));
        Assert.Null(await store.GetStreamReaderAsync("00000000-1-1", Ct));
        var other = new MemoryEventStreamStore(1_000_000, TimeSpan.FromMinutes(1), time);
        Assert.Null(await other.GetStreamReaderAsync(first.EventId!, Ct));
    }

    private static SseEventStreamOptions Options(string session, string stream) =>
        new() { SessionId = session, StreamId = stream, Mode = SseEventStreamMode.Streaming };

    private static SseItem<JsonRpcMessage?> Event(long id, string text) =>
        new(new JsonRpcResponse { Id = new RequestId(id), Result = new JsonObject { ["text"] = text } }, "message");

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
