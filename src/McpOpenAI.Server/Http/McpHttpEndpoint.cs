using System.Buffers;
using System.Net.ServerSentEvents;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using McpOpenAI.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Http;

/// <summary>
/// MCP's Streamable HTTP transport on one path: POST carries client messages (answered as JSON or an event
/// stream), GET opens the server's event stream for a session — or, with <c>Last-Event-ID</c>, resumes a stream the
/// client lost, replaying what it missed — and DELETE ends a session. Stateful by default; in stateless mode every
/// POST gets its own short-lived server.
/// </summary>
internal sealed class McpHttpEndpoint(
    IOptions<McpServerOptions> serverOptions,
    HttpOptions options,
    HttpSessionStore sessions,
    BearerAuthenticator authenticator,
    RequestGuard guard,
    ResumableStreams resumable,
    IServiceProvider services,
    ILoggerFactory loggerFactory)
{
    private static readonly JsonTypeInfo<JsonRpcMessage> MessageTypeInfo =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private readonly ILogger _logger = loggerFactory.CreateLogger<McpHttpEndpoint>();

    /// <summary>Cancelled when the server starts shutting down: ends GET streams so shutdown does not wait for them.</summary>
    public CancellationToken Stopping { get; set; }

    public async Task HandleAsync(HttpContext context)
    {
        if (guard.Check(context.Request) is { } refused)
        {
            _logger.LogWarning("Refused a request: {Reason}", refused);
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status403Forbidden, refused).ConfigureAwait(false);
            return;
        }
        if (!authenticator.TryAuthenticate(context, out var token, out var error))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"mcp-openai\"";
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, error!).ConfigureAwait(false);
            return;
        }
        if (!RequestGuard.ProtocolVersionSupported(context.Request, out var version))
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest,
                $"Bad Request: MCP-Protocol-Version '{version}' is not supported.").ConfigureAwait(false);
            return;
        }

        CallerContext.Current = token;
        var task = context.Request.Method switch
        {
            "POST" => PostAsync(context),
            "GET" => GetAsync(context),
            "DELETE" => DeleteAsync(context),
            _ => MethodNotAllowedAsync(context),
        };
        await task.ConfigureAwait(false);
    }

    private async Task PostAsync(HttpContext context)
    {
        if (!RequestGuard.AcceptsPost(context.Request))
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status406NotAcceptable,
                "Not Acceptable: the client must accept both application/json and text/event-stream.").ConfigureAwait(false);
            return;
        }

        JsonRpcMessage? message;
        try
        {
            message = await JsonSerializer.DeserializeAsync(context.Request.Body, JsonRpcErrors.MessageType, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            message = null;
        }
        if (message is null)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: the body is not a JSON-RPC message.", (int)ModelContextProtocol.McpErrorCode.ParseError).ConfigureAwait(false);
            return;
        }
        var id = message is JsonRpcRequest request ? request.Id : default;
        if (context.User.Identity?.IsAuthenticated == true)
            (message.Context ??= new()).User = context.User;

        if (options.Stateless)
        {
            await PostStatelessAsync(context, message).ConfigureAwait(false);
            return;
        }

        var session = await FindOrStartSessionAsync(context, message, id).ConfigureAwait(false);
        if (session is null) return;
        using var _ = session.Enter();
        await ForwardAsync(context, session.Transport, message).ConfigureAwait(false);
    }

    private async Task<HttpSession?> FindOrStartSessionAsync(HttpContext context, JsonRpcMessage message, RequestId id)
    {
        var sessionId = context.Request.Headers[HeaderNames.SessionId].ToString();
        if (sessionId.Length > 0)
            return await FindSessionAsync(context, sessionId, id).ConfigureAwait(false);

        if (message is not JsonRpcRequest { Method: RequestMethods.Initialize })
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: send Mcp-Session-Id, or start a session with an initialize request.", id: id).ConfigureAwait(false);
            return null;
        }

        var newId = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
#pragma warning disable MCP9006 // Stateful Streamable HTTP (and its resumability) is what 2025-11-25 clients use; we pin that revision.
        var transport = new StreamableHttpServerTransport(loggerFactory)
        {
            SessionId = newId,
            FlowExecutionContextFromRequests = true,
            EventStreamStore = resumable.Store,
        };
#pragma warning restore MCP9006
        var server = McpServer.Create(transport, serverOptions.Value, loggerFactory, services);
        var session = new HttpSession(newId, transport, server, CallerContext.Current?.Name, TimeProvider.System);
        if (!await sessions.TryAddAsync(session).ConfigureAwait(false))
        {
            await session.DisposeAsync().ConfigureAwait(false);
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "Service Unavailable: every session is busy; try again shortly.", id: id).ConfigureAwait(false);
            return null;
        }
        // The message loop belongs to the session, not to this request: run it outside the request's context.
        using (ExecutionContext.SuppressFlow())
            session.RunTask = Task.Run(() => server.RunAsync(session.Closed));
        _logger.LogDebug("Session started for {Caller}", session.Owner ?? "anonymous");
        context.Response.Headers[HeaderNames.SessionId] = newId;
        return session;
    }

    private async Task<HttpSession?> FindSessionAsync(HttpContext context, string sessionId, RequestId id = default)
    {
        if (!sessions.TryGet(sessionId, out var session))
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status404NotFound, "Session not found; start a new one with initialize.", -32001, id).ConfigureAwait(false);
            return null;
        }
        if (!string.Equals(session.Owner, CallerContext.Current?.Name, StringComparison.Ordinal))
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden: the session belongs to another token.", id: id).ConfigureAwait(false);
            return null;
        }
        context.Response.Headers[HeaderNames.SessionId] = session.Id;
        return session;
    }

    private async Task PostStatelessAsync(HttpContext context, JsonRpcMessage message)
    {
        var transport = new StreamableHttpServerTransport(loggerFactory) { Stateless = true };
        await using var server = McpServer.Create(transport, serverOptions.Value, loggerFactory, services);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var run = server.RunAsync(stop.Token);
        try
        {
            await ForwardAsync(context, transport, message).ConfigureAwait(false);
        }
        finally
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The per-request server ends with its request.
            }
        }
    }

    private static async Task ForwardAsync(HttpContext context, StreamableHttpServerTransport transport, JsonRpcMessage message)
    {
        StartEventStream(context);
        var wrote = await transport.HandlePostRequestAsync(message, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        if (!wrote)
        {
            // A notification or a response: nothing to send back.
            context.Response.Headers.ContentType = default;
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
    }

    private async Task GetAsync(HttpContext context)
    {
        if (options.Stateless)
        {
            context.Response.Headers.Allow = "POST";
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed: a stateless server has no event stream.").ConfigureAwait(false);
            return;
        }
        if (!RequestGuard.AcceptsEventStream(context.Request))
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status406NotAcceptable, "Not Acceptable: the client must accept text/event-stream.").ConfigureAwait(false);
            return;
        }
        var session = await RequireSessionAsync(context).ConfigureAwait(false);
        if (session is null) return;
        var lastEventId = context.Request.Headers[HeaderNames.LastEventId].ToString();
        if (lastEventId.Length > 0)
        {
            await ResumeAsync(context, session, lastEventId).ConfigureAwait(false);
            return;
        }
        if (!session.TryStartGet())
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status409Conflict, "Conflict: this session already has an event stream open.").ConfigureAwait(false);
            return;
        }

        using var stream = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Stopping, session.Closed);
        using var _ = session.Enter();
        StartEventStream(context);
        try
        {
            await context.Response.Body.FlushAsync(stream.Token).ConfigureAwait(false);
            await session.Transport.HandleGetRequestAsync(context.Response.Body, stream.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stream.IsCancellationRequested)
        {
            // The client went away, the session closed or the server is stopping: the stream just ends.
        }
    }

    // Replays the events after Last-Event-ID from the store, then keeps streaming that stream's new events until it
    // ends (a POST stream ends with its response; the GET stream with the session).
    private async Task ResumeAsync(HttpContext context, HttpSession session, string lastEventId)
    {
#pragma warning disable MCP9006 // Resumability belongs to stateful Streamable HTTP, which the 2025-11-25 clients we serve use.
        if (resumable.Store is not { } store)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: this server does not keep events, so streams cannot be resumed (Http:ResumableStreams is off).").ConfigureAwait(false);
            return;
        }
        var reader = await store.GetStreamReaderAsync(lastEventId, context.RequestAborted).ConfigureAwait(false);
#pragma warning restore MCP9006
        if (reader is null)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: the Last-Event-ID is unknown or its events have expired; start a new request.").ConfigureAwait(false);
            return;
        }
        if (!string.Equals(reader.SessionId, session.Id, StringComparison.Ordinal))
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest,
                "Bad Request: the Last-Event-ID belongs to another session.").ConfigureAwait(false);
            return;
        }

        using var stream = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Stopping, session.Closed);
        using var _ = session.Enter();
        StartEventStream(context);
        try
        {
            await context.Response.Body.FlushAsync(stream.Token).ConfigureAwait(false);
            await SseFormatter.WriteAsync(reader.ReadEventsAsync(stream.Token), context.Response.Body, WriteMessage, stream.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stream.IsCancellationRequested)
        {
            // The client went away again, the session closed or the server is stopping: the stream just ends.
        }
    }

    private static void WriteMessage(SseItem<JsonRpcMessage?> item, IBufferWriter<byte> buffer)
    {
        // A priming event carries only its id; the formatter writes the id and an empty data line.
        if (item.Data is null) return;
        using var writer = new Utf8JsonWriter(buffer);
        JsonSerializer.Serialize(writer, item.Data, MessageTypeInfo);
    }

    private async Task DeleteAsync(HttpContext context)
    {
        if (options.Stateless)
        {
            context.Response.Headers.Allow = "POST";
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed: a stateless server has no sessions.").ConfigureAwait(false);
            return;
        }
        var session = await RequireSessionAsync(context).ConfigureAwait(false);
        if (session is null) return;
        await sessions.CloseAsync(session.Id).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task<HttpSession?> RequireSessionAsync(HttpContext context)
    {
        var sessionId = context.Request.Headers[HeaderNames.SessionId].ToString();
        if (sessionId.Length == 0)
        {
            await JsonRpcErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request: Mcp-Session-Id is required.").ConfigureAwait(false);
            return null;
        }
        return await FindSessionAsync(context, sessionId).ConfigureAwait(false);
    }

    private static Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, POST, DELETE";
        return JsonRpcErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed.");
    }

    private static void StartEventStream(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Response.Headers.ContentEncoding = "identity";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
    }
}
