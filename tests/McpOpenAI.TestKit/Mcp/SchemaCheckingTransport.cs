using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.TestKit.Mcp;

/// <summary>
/// Wraps a client transport so the C# client behaves like the TypeScript SDK client inside Claude Desktop, Claude
/// Code and the MCP Inspector: every <c>tools/call</c> result is checked against the tool's <c>outputSchema</c>,
/// and a result that would be rejected there reaches the test as a JSON-RPC error (code -32602) instead. The
/// schemas come from the session's own <c>tools/list</c> answers; when a call goes out before the client listed
/// the tools (or after <c>list_changed</c>), the transport lists them itself first, invisibly to the client.
/// </summary>
public sealed class SchemaCheckingTransport(IClientTransport inner) : IClientTransport
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <summary>Every mismatch seen so far, across sessions.</summary>
    public ConcurrentQueue<string> Mismatches { get; } = new();

    /// <inheritdoc />
    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
        new Session(await inner.ConnectAsync(cancellationToken).ConfigureAwait(false), Mismatches);

    private sealed class Session : ITransport
    {
        private const string OwnListPrefix = "schema-check-";
        private readonly ITransport _inner;
        private readonly ConcurrentQueue<string> _mismatches;
        private readonly Channel<JsonRpcMessage> _toClient = Channel.CreateUnbounded<JsonRpcMessage>();
        private readonly ConcurrentDictionary<string, string> _calls = new();
        private readonly ConcurrentDictionary<string, byte> _lists = new();
        // Messages held back, in order, while a call result waits for the schemas (Tool is set for such a result).
        private readonly Queue<(JsonRpcMessage Message, string? Tool)> _held = new();
        private readonly Lock _gate = new();
        private readonly Task _pump;
        private Dictionary<string, JsonElement?>? _schemas;
        private bool _listing;
        private JsonNode? _meta;
        private int _ownLists;

        public Session(ITransport inner, ConcurrentQueue<string> mismatches)
        {
            _inner = inner;
            _mismatches = mismatches;
            _pump = Task.Run(PumpAsync);
        }

        public string? SessionId => _inner.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader => _toClient.Reader;

        public async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
        {
            if (message is JsonRpcRequest request)
            {
                if (request.Method == RequestMethods.ToolsList)
                    _lists[request.Id.ToString()] = 0;
                else if (request.Method == RequestMethods.ToolsCall && request.Params?["name"]?.GetValue<string>() is { } tool)
                {
                    _calls[request.Id.ToString()] = tool;
                    bool listFirst;
                    lock (_gate)
                    {
                        listFirst = _schemas is null && !_listing;
                        _listing |= listFirst;
                    }
                    _meta = request.Params?["_meta"]?.DeepClone();
                    (_meta as JsonObject)?.Remove("progressToken");
                    if (listFirst)
                        await ListToolsAsync(_meta, cancellationToken).ConfigureAwait(false);
                }
            }
            await _inner.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            await _pump.ConfigureAwait(false);
        }

        // The request carries the client's own _meta (newer protocol revisions require the version in it).
        private Task ListToolsAsync(JsonNode? meta, CancellationToken cancellationToken) =>
            _inner.SendMessageAsync(new JsonRpcRequest
            {
                Id = new RequestId(OwnListPrefix + Interlocked.Increment(ref _ownLists)),
                Method = RequestMethods.ToolsList,
                Params = meta is null ? null : new JsonObject { ["_meta"] = meta.DeepClone() },
            }, cancellationToken);

        private async Task PumpAsync()
        {
            Exception? failure = null;
            try
            {
                await foreach (var message in _inner.MessageReader.ReadAllAsync().ConfigureAwait(false))
                    await ReceiveAsync(message).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                lock (_gate)
                {
                    while (_held.TryDequeue(out var held))
                        _toClient.Writer.TryWrite(held.Message);
                }
                _toClient.Writer.TryComplete(failure);
            }
        }

        private async Task ReceiveAsync(JsonRpcMessage message)
        {
            switch (message)
            {
                case JsonRpcResponse response when response.Id.ToString().StartsWith(OwnListPrefix, StringComparison.Ordinal):
                    Learn(response.Result);
                    Release();
                    return;
                case JsonRpcResponse response when _lists.TryRemove(response.Id.ToString(), out _):
                    Learn(response.Result);
                    break;
                case JsonRpcError error when error.Id.ToString().StartsWith(OwnListPrefix, StringComparison.Ordinal):
                    lock (_gate)
                        _schemas ??= [];
                    Release();
                    return;
                case JsonRpcNotification { Method: NotificationMethods.ToolListChangedNotification }:
                    lock (_gate)
                    {
                        _schemas = null;
                        _listing = true;
                    }
                    await ListToolsAsync(_meta, CancellationToken.None).ConfigureAwait(false);
                    break;
                case JsonRpcResponse response when _calls.TryRemove(response.Id.ToString(), out var tool):
                    lock (_gate)
                    {
                        if (_schemas is null || _held.Count > 0)
                        {
                            _held.Enqueue((response, tool));
                            return;
                        }
                    }
                    message = Check(response, tool);
                    break;
            }
            lock (_gate)
            {
                if (_held.Count > 0)
                {
                    _held.Enqueue((message, null));
                    return;
                }
            }
            _toClient.Writer.TryWrite(message);
        }

        private void Learn(JsonNode? result)
        {
            if (result?["tools"] is not JsonArray tools)
                return;
            var schemas = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
            foreach (var tool in tools)
            {
                if (tool?["name"]?.GetValue<string>() is { } name)
                    schemas[name] = tool["outputSchema"] is { } schema ? JsonSerializer.SerializeToElement(schema) : null;
            }
            lock (_gate)
            {
                _schemas = schemas;
                _listing = false;
            }
        }

        private void Release()
        {
            lock (_gate)
            {
                while (_held.TryDequeue(out var held))
                    _toClient.Writer.TryWrite(held.Tool is { } tool ? Check((JsonRpcResponse)held.Message, tool) : held.Message);
            }
        }

        private JsonRpcMessage Check(JsonRpcResponse response, string tool)
        {
            JsonElement? schema;
            lock (_gate)
            {
                if (_schemas is null || !_schemas.TryGetValue(tool, out schema))
                    return response;
            }
            if (response.Result is null)
                return response;
            var problems = OutputSchemaValidator.Check(tool, schema, JsonSerializer.SerializeToElement(response.Result));
            if (problems.Count == 0)
                return response;
            foreach (var problem in problems)
                _mismatches.Enqueue(problem);
            return new JsonRpcError
            {
                Id = response.Id,
                Error = new JsonRpcErrorDetail { Code = (int)McpErrorCode.InvalidParams, Message = string.Join("\n", problems) },
                Context = response.Context,
            };
        }
    }
}
