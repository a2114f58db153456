using System.Threading.Channels;
using McpOpenAI.Kernel.Plugins;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>
/// Forwards a function's <see cref="FunctionProgress"/> reports to the MCP client as
/// <c>notifications/progress</c>, in order, with a strictly increasing progress value as MCP requires.
/// </summary>
internal sealed class McpProgressReporter : IProgress<FunctionProgress>, IAsyncDisposable
{
    private readonly Channel<FunctionProgress> _queue = Channel.CreateUnbounded<FunctionProgress>(new() { SingleReader = true });
    private readonly Task _pump;
    private double _last;

    public McpProgressReporter(McpServer server, ProgressToken token, CancellationToken cancellationToken)
    {
        _pump = Task.Run(() => PumpAsync(server, token, cancellationToken), CancellationToken.None);
    }

    public void Report(FunctionProgress value) => _queue.Writer.TryWrite(value);

    /// <summary>Sends what is queued, then stops; called before the tool result goes out.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }

    private async Task PumpAsync(McpServer server, ProgressToken token, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var report in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var progress = report.Progress is { } p && p > _last ? p : _last + 1;
                _last = progress;
                await server.NotifyProgressAsync(token, new ProgressNotificationValue
                {
                    Progress = (float)progress,
                    Total = report.Total is { } total && total >= progress ? (float)total : null,
                    Message = report.Message,
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The call was cancelled: the client no longer wants progress.
        }
    }
}
