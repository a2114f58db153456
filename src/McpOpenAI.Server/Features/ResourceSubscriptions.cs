using System.Collections.Concurrent;
using McpOpenAI.Kernel.Resources;
using McpOpenAI.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Features;

/// <summary>
/// <c>resources/subscribe</c> and <c>unsubscribe</c>: remembers each session's URIs, and when a resource provider
/// reports a change (a generated file added or replaced) sends <c>notifications/resources/updated</c> for them.
/// </summary>
internal sealed class ResourceSubscriptions
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _bySession = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;
    private readonly ILogger<ResourceSubscriptions> _logger;

    public ResourceSubscriptions(IServiceProvider services, ILogger<ResourceSubscriptions> logger)
    {
        _services = services;
        _logger = logger;
        foreach (var provider in services.GetServices<IResourceProvider>())
            provider.Changed += (_, _) => _ = NotifyAllAsync();
    }

    /// <summary>The URIs a session follows (the stdio session has the empty id).</summary>
    public IReadOnlyCollection<string> For(string? sessionId) =>
        _bySession.TryGetValue(sessionId ?? "", out var uris) ? uris.Keys.ToArray() : [];

    public ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        if (request.Params?.Uri is { Length: > 0 } uri)
            _bySession.GetOrAdd(request.Server.SessionId ?? "", _ => new(StringComparer.Ordinal))[uri] = 0;
        return ValueTask.FromResult(new EmptyResult());
    }

    public ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        if (request.Params?.Uri is { Length: > 0 } uri && _bySession.TryGetValue(request.Server.SessionId ?? "", out var uris))
            uris.TryRemove(uri, out _);
        return ValueTask.FromResult(new EmptyResult());
    }

    private async Task NotifyAllAsync()
    {
        foreach (var (sessionId, uris) in _bySession)
        {
            if (Find(sessionId) is not { } server)
            {
                _bySession.TryRemove(sessionId, out _);
                continue;
            }
            foreach (var uri in uris.Keys)
            {
                try
                {
                    await server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification,
                        new ResourceUpdatedNotificationParams { Uri = uri }).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _logger.LogDebug(ex, "Could not send resources/updated");
                }
            }
        }
    }

    private McpServer? Find(string sessionId) => _services.GetRequiredService<ConnectedServers>().Find(sessionId);
}
