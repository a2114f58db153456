using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Chat;

/// <summary>Passes a stream of updates through, replacing what it throws (on start or on any step) by another exception.</summary>
internal static class StreamingErrors
{
    /// <param name="start">Starts the stream.</param>
    /// <param name="translate">The exception to throw instead, or null to let the original through.</param>
    /// <param name="cancellationToken">The token the stream runs under.</param>
    public static async IAsyncEnumerable<ChatResponseUpdate> Translate(Func<IAsyncEnumerable<ChatResponseUpdate>> start,
        Func<Exception, Exception?> translate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<ChatResponseUpdate> updates;
        try
        {
            updates = start().GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception e) when (translate(e) is { } replacement)
        {
            throw replacement;
        }

        await using var _ = updates.ConfigureAwait(false);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false)) yield break;
            }
            catch (Exception e) when (translate(e) is { } replacement)
            {
                throw replacement;
            }
            yield return updates.Current;
        }
    }
}
