using McpOpenAI.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Server.Http;

/// <summary>
/// Runs Kestrel for the MCP endpoint inside the server's host. Stopping drains: no new requests, running calls
/// finish (up to <see cref="HttpOptions.ShutdownTimeout"/>), event streams end, then the sessions close.
/// </summary>
internal sealed class HttpServerService(
    IServiceProvider services,
    IOptions<HttpOptions> options,
    TokenRegistry tokens,
    HttpSessionStore sessions,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = loggerFactory.CreateLogger<HttpServerService>();
    private WebApplication? _app;
    private Task _eviction = Task.CompletedTask;

    /// <summary>The address the endpoint listens on, with the real port once started.</summary>
    public Uri? Endpoint { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var address = ListenAddress.Parse(settings.Url);
        if (!address.IsLoopback && !tokens.RequiresToken && !settings.AllowUnauthenticated)
            throw new InvalidOperationException(
                $"Refusing to serve {address.Uri} without authentication: anyone who can reach it could call every tool. " +
                "Configure Http:Tokens (see mcp-openai hash-token), listen on 127.0.0.1, or pass --allow-unauthenticated.");

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "mcp-openai", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls(address.BindUrl);
        builder.Services.AddSingleton(loggerFactory);
        _app = builder.Build();

        var endpoint = ActivatorUtilities.CreateInstance<McpHttpEndpoint>(services, settings, new RequestGuard(settings, address.IsLoopback));
        endpoint.Stopping = _stopping.Token;
        var path = address.Path;
        _app.Run(context => string.Equals(context.Request.Path.Value?.TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase)
            ? endpoint.HandleAsync(context)
            : JsonRpcErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"Not Found: MCP is served at {path}."));

        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? address.BindUrl;
        Endpoint = new Uri(new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)), path);
        // A line people and test harnesses read; it names no token.
        await Console.Error.WriteLineAsync($"mcp-openai: MCP over Streamable HTTP at {Endpoint} ({(settings.Stateless ? "stateless" : "sessions")}, " +
            $"{(tokens.RequiresToken ? $"{tokens.Tokens.Count} token(s)" : "no authentication")})").ConfigureAwait(false);
        _eviction = EvictAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            drain.CancelAfter(options.Value.ShutdownTimeout);
            _logger.LogInformation("Stopping: finishing running calls");
            await _app.StopAsync(drain.Token).ConfigureAwait(false);
        }
        await _eviction.ConfigureAwait(false);
        await sessions.DisposeAsync().ConfigureAwait(false);
    }

    private async Task EvictAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(options.Value.IdleTimeout.TotalSeconds / 4, 1, 60)));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
                await sessions.EvictIdleAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
