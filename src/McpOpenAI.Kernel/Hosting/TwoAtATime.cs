using System.Runtime.ExceptionServices;

namespace McpOpenAI.Kernel.Hosting;

/// <summary>
/// Runs independent pieces of start-up work side by side: plugins, prompt files and tool schemas, whose first making is
/// mostly JIT work (or slow reflection, natively). Two at a time, the caller and one pool thread, so the transport keeps
/// the pool's other threads on a two-core machine. A failure surfaces as itself, not wrapped.
/// </summary>
public static class TwoAtATime
{
    private static readonly ParallelOptions Options = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>Runs <paramref name="body"/> for 0 to <paramref name="count"/> − 1, at most two at once.</summary>
    public static void For(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, Options, body);
        }
        catch (AggregateException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }
    }
}
