using McpOpenAI.Kernel.Resources;
using McpOpenAI.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge.Resources;

/// <summary>
/// Serves every <see cref="IResourceProvider"/> in the services as MCP resources: list, templates and read, with
/// <c>notifications/resources/list_changed</c> when a provider reports a change. It knows no particular plugin.
/// </summary>
internal sealed class McpResourceBridge
{
    private readonly IReadOnlyList<IResourceProvider> _providers;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;

    private McpResourceBridge(IReadOnlyList<IResourceProvider> providers, IServiceProvider services, ILogger logger)
    {
        _providers = providers;
        _services = services;
        _logger = logger;
        foreach (var provider in providers)
            provider.Changed += OnChanged;
    }

    /// <summary>Installs the resource handlers on <paramref name="options"/> when any provider is registered.</summary>
    public static void Attach(McpServerOptions options, IServiceProvider services)
    {
        var providers = services.GetServices<IResourceProvider>().ToArray();
        if (providers.Length == 0) return;
        var bridge = new McpResourceBridge(providers, services, services.GetRequiredService<ILoggerFactory>().CreateLogger<McpResourceBridge>());
        options.Capabilities ??= new ServerCapabilities();
        options.Capabilities.Resources = new ResourcesCapability { ListChanged = true };
        options.Handlers.ListResourcesHandler = bridge.ListAsync;
        options.Handlers.ListResourceTemplatesHandler = bridge.ListTemplatesAsync;
        options.Handlers.ReadResourceHandler = bridge.ReadAsync;
    }

    private async ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> request, CancellationToken cancellationToken)
    {
        var result = new ListResourcesResult();
        foreach (var provider in _providers)
        {
            foreach (var resource in await provider.ListAsync(cancellationToken).ConfigureAwait(false))
                result.Resources.Add(ResourceMapper.ToProtocol(resource));
        }
        return result;
    }

    private ValueTask<ListResourceTemplatesResult> ListTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> request, CancellationToken cancellationToken)
    {
        var result = new ListResourceTemplatesResult();
        foreach (var template in _providers.SelectMany(p => p.Templates))
            result.ResourceTemplates.Add(ResourceMapper.ToProtocol(template));
        return ValueTask.FromResult(result);
    }

    private async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri;
        if (!string.IsNullOrEmpty(uri))
        {
            foreach (var provider in _providers)
            {
                if (await provider.ReadAsync(uri, cancellationToken).ConfigureAwait(false) is { } content)
                    return new ReadResourceResult { Contents = [ResourceMapper.ToProtocol(content)] };
            }
        }
        throw new McpProtocolException($"Unknown resource URI: '{uri}'", McpErrorCode.InvalidParams);
    }

    private void OnChanged(object? sender, EventArgs e)
    {
        foreach (var server in _services.GetRequiredService<ConnectedServers>().All)
            _ = NotifyAsync(server);
    }

    private async Task NotifyAsync(McpServer server)
    {
        try
        {
            await server.SendNotificationAsync(NotificationMethods.ResourceListChangedNotification).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogDebug(ex, "Could not send resources/list_changed");
        }
    }
}
