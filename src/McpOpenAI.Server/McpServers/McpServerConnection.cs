using System.Collections.Concurrent;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.McpServers;

/// <summary>
/// One other MCP server, kept connected in the background: once it answers, its tools are a plugin named after it in
/// the kernel; when it cannot start, or goes away later, the plugin is removed, <see cref="Status"/> says why, and it is
/// tried again after a growing pause. Nothing here throws into the rest of the server.
/// </summary>
internal sealed class McpServerConnection : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(5);
    private readonly McpServerOptions _options;
    private readonly KernelHost _host;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private Task _loop = Task.CompletedTask;
    private KernelPlugin? _plugin;

    public McpServerConnection(McpServerOptions options, string key, KernelHost host, ILoggerFactory loggers)
    {
        _options = options;
        Key = key;
        _host = host;
        _loggers = loggers;
        _logger = loggers.CreateLogger<McpServerConnection>();
        Status = McpServerTransports.Problem(options, key) is { } problem ? McpServerStatus.Broken(problem) : McpServerStatus.Connecting;
    }

    /// <summary>The plugin name.</summary>
    public string Name => _options.Name;

    /// <summary>Where the entry is in the configuration, e.g. <c>Agents:McpServers:0</c>.</summary>
    public string Key { get; }

    /// <summary>How the server is doing now.</summary>
    public McpServerStatus Status { get; private set; }

    /// <summary>The tools it offers now (none unless connected).</summary>
    public IReadOnlyList<string> Tools => _plugin is { } plugin ? [.. plugin.Select(f => f.Name)] : [];

    /// <summary>Starts connecting in the background (a broken entry never connects).</summary>
    public void Start()
    {
        if (Status.IsBroken)
        {
            _logger.LogError("MCP server entry {Key} cannot be used: {Problem}", Key, Status.Message);
            return;
        }
        _loop = Task.Run(() => KeepConnectedAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task KeepConnectedAsync(CancellationToken stop)
    {
        var pause = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            // While it retries, the last failure stays what prompt_status and agents are told.
            if (!Status.IsFailed)
                Status = McpServerStatus.Connecting;
            try
            {
                var client = await ConnectAsync(stop).ConfigureAwait(false);
                await using var clientDisposal = client.ConfigureAwait(false);
                await PublishAsync(client, stop).ConfigureAwait(false);
                pause = FirstRetry;
                var _ = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification,
                    async (_, ct) => await PublishAsync(client, ct).ConfigureAwait(false));
                await using var _Disposal = _.ConfigureAwait(false);
                var ended = await client.Completion.WaitAsync(stop).ConfigureAwait(false);
                Fail($"it stopped{Describe(ended)}");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Another server's failure is reported and retried; it must never take this one down.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Fail($"it {(_options.Command is { Length: > 0 } ? $"could not be started ('{_options.Command}')" : $"could not be reached ({_options.Url})")}: {Causes(ex)}{StderrTail()}");
            }
            try
            {
                await Task.Delay(pause, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LastRetry.Ticks));
        }
        Unpublish();
    }

    private async Task<McpClient> ConnectAsync(CancellationToken stop)
    {
        _stderr.Clear();
        var transport = McpServerTransports.Create(_options, Remember, _loggers);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
        try
        {
            return await McpClient.CreateAsync(transport, new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "mcp-openai", Version = Hosting.ServerHost.Version },
                InitializationTimeout = TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds),
            }, _loggers, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            throw new TimeoutException($"it did not answer within {_options.ConnectTimeoutSeconds} s");
        }
    }

    private async Task PublishAsync(McpClient client, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(_options.ToolTimeoutSeconds);
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var functions = new Dictionary<string, KernelFunction>(StringComparer.OrdinalIgnoreCase);
        foreach (var tool in tools)
        {
            var name = KernelName(tool.ProtocolTool.Name);
            if (!functions.TryAdd(name, KernelFunctions.FromAIFunction(new RemoteToolFunction(tool, name, Name, timeout), Traits(tool.ProtocolTool))))
                _logger.LogWarning("MCP server {Server}: tool {Tool} is skipped; another of its tools has the same name", Name, tool.ProtocolTool.Name);
        }
        var plugin = KernelPluginFactory.CreateFromFunctions(Name, $"Tools of the MCP server '{Name}'.", functions.Values);
        var previous = _plugin;
        var taken = false;
        _host.Update(plugins =>
        {
            if (plugins.TryGetValue(Name, out var current) && !ReferenceEquals(current, previous))
            {
                taken = true;
                return plugins;
            }
            return plugins.SetItem(Name, plugin);
        });
        if (taken)
            throw new InvalidOperationException($"the plugin name '{Name}' is taken by another plugin; give the server another Name");
        _plugin = plugin;
        Status = McpServerStatus.Connected(functions.Count);
        _logger.LogInformation("MCP server {Server} connected with {Count} tool(s)", Name, functions.Count);
    }

    private void Fail(string reason)
    {
        Unpublish();
        var changed = Status.Message != reason;
        Status = McpServerStatus.Failed(reason);
        if (changed)
            _logger.LogWarning("MCP server {Server} ({Key}): {Reason}. Trying again in the background.", Name, Key, reason);
    }

    private void Unpublish()
    {
        if (Interlocked.Exchange(ref _plugin, null) is { } plugin)
            _host.Update(plugins => plugins.TryGetValue(Name, out var current) && ReferenceEquals(current, plugin) ? plugins.Remove(Name) : plugins);
    }

    // The server's own error output may say why it failed; a few last lines, never logged, are kept for the status.
    private void Remember(string line)
    {
        _stderr.Enqueue(line);
        while (_stderr.Count > 5)
            _stderr.TryDequeue(out _);
        _logger.LogDebug("MCP server {Server} stderr: {Line}", Name, line);
    }

    private string StderrTail()
    {
        var tail = string.Join(" | ", _stderr.TakeLast(3));
        return tail.Length == 0 ? "" : $" (its last output: {(tail.Length > 300 ? tail[..300] + "…" : tail)})";
    }

    // The SDK wraps the reason ("Failed to connect transport"); the inner exceptions say what it was.
    private static string Causes(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null && messages.Count < 3; e = e.InnerException)
        {
            var message = e.Message.TrimEnd('.');
            if (!messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
                messages.Add(message);
        }
        return string.Join(": ", messages) + ".";
    }

    private string Describe(ClientCompletionDetails ended) => ended switch
    {
        StdioClientCompletionDetails { ExitCode: { } code } => $" (exit code {code}){StderrTail()}",
        { Exception: { } error } => $": {error.Message}",
        _ => "",
    };

    // Prefixed with the server, so a tool named like one of this server's own (every MCP server has a 'search') renames
    // neither; Semantic Kernel's function names are letters, digits, underscores and hyphens, MCP allows dots as well.
    private string KernelName(string toolName) =>
        $"{Naming.ToSnakeCase(Name)}_{string.Concat(toolName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'))}";

    private static FunctionTraits Traits(Tool tool) => new()
    {
        Title = tool.Title ?? tool.Annotations?.Title,
        ReadOnly = tool.Annotations?.ReadOnlyHint,
        Destructive = tool.Annotations?.DestructiveHint,
        Idempotent = tool.Annotations?.IdempotentHint,
        OpenWorld = tool.Annotations?.OpenWorldHint ?? true,
        AgentOnly = true,
    };
}
