using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Infrastructure;

/// <summary>
/// Records every progress notification a client receives, for the whole test. The C# client runs notification
/// handlers on the thread pool and removes a call's own progress handler as soon as the result arrives, so
/// notifications the server sent before the result can be dropped by that handler; this one stays registered.
/// Pass it as a call's progress so the call carries a progress token; read and wait through it.
/// </summary>
internal sealed class ProgressLog : IProgress<ProgressNotificationValue>, IAsyncDisposable
{
    private readonly ConcurrentQueue<ProgressNotificationValue> _items = new();
    private readonly IAsyncDisposable _registration;

    private ProgressLog(McpClient client, Action<ProgressNotificationValue>? onReport) =>
        _registration = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            if (notification.Params is not null && JsonSerializer.Deserialize<ProgressNotificationParams>(notification.Params) is { } value)
            {
                onReport?.Invoke(value.Progress);
                _items.Enqueue(value.Progress);
            }
            return ValueTask.CompletedTask;
        });

    /// <summary>Starts recording; <paramref name="onReport"/> runs for each notification as it is handled.</summary>
    public static ProgressLog Attach(McpClient client, Action<ProgressNotificationValue>? onReport = null) => new(client, onReport);

    /// <summary>How many notifications arrived so far.</summary>
    public int Count => _items.Count;

    /// <summary>The notifications in the order the server sent them (its progress values strictly increase).</summary>
    public ProgressNotificationValue[] InOrder => _items.OrderBy(p => p.Progress).ToArray();

    /// <summary>The messages in send order.</summary>
    public string[] Messages => InOrder.Select(p => p.Message ?? string.Empty).ToArray();

    /// <summary>Waits (bounded) until at least <paramref name="count"/> notifications arrived.</summary>
    public Task WaitForCountAsync(int count, CancellationToken ct) => Eventually.WaitAsync(() => _items.Count >= count, ct);

    /// <summary>Waits (bounded) until the messages in send order satisfy <paramref name="condition"/>.</summary>
    public Task WaitForAsync(Func<string[], bool> condition, CancellationToken ct) => Eventually.WaitAsync(() => condition(Messages), ct);

    // The call's own handler: recording happens in the lasting handler above.
    void IProgress<ProgressNotificationValue>.Report(ProgressNotificationValue value)
    {
    }

    public ValueTask DisposeAsync() => _registration.DisposeAsync();
}
