using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>
/// A chat client layer that bounds each whole call (every retry below it, and for streaming the whole stream) by a
/// time limit read at the start of the call. A call that runs out of time throws <see cref="TimeoutException"/>;
/// the caller's own cancellation still stops it at once, as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class DeadlineChatClient : DelegatingChatClient
{
    private readonly Func<TimeSpan> _timeLimit;

    /// <summary>Creates the layer.</summary>
    /// <param name="innerClient">The client whose calls are bounded.</param>
    /// <param name="timeLimit">The limit for a call starting now; zero or less means none.</param>
    public DeadlineChatClient(IChatClient innerClient, Func<TimeSpan> timeLimit)
        : base(innerClient)
    {
        _timeLimit = timeLimit ?? throw new ArgumentNullException(nameof(timeLimit));
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (deadline, limit) = Start(cancellationToken);
        using (deadline)
        {
            try
            {
                return await base.GetResponseAsync(messages, options, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (Expired(e, deadline, limit, cancellationToken) is { } timeout)
            {
                throw timeout;
            }
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (deadline, limit) = Start(cancellationToken);
        using (deadline)
        {
            var updates = StreamingErrors.Translate(() => base.GetStreamingResponseAsync(messages, options, deadline.Token),
                e => Expired(e, deadline, limit, cancellationToken), deadline.Token);
            await foreach (var update in updates.ConfigureAwait(false))
                yield return update;
        }
    }

    private (CancellationTokenSource Deadline, TimeSpan Limit) Start(CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = _timeLimit();
        if (limit > TimeSpan.Zero) deadline.CancelAfter(limit);
        return (deadline, limit);
    }

    private static TimeoutException? Expired(Exception exception, CancellationTokenSource deadline, TimeSpan limit, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            ? new TimeoutException($"The call did not finish within {limit}.", exception)
            : null;
}
