using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using McpOpenAI.Kernel;
using McpOpenAI.Kernel.Hosting;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Server.Hosting;
using McpOpenAI.Server.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpOpenAI.Server.Bridge;

/// <summary>
/// Serves the kernel's functions as MCP tools and its prompt functions as MCP prompts. It knows no particular plugin:
/// a change to the kernel's plugins (a new prompt file, a removed one) changes the lists. The lists are served once
/// the kernel has loaded (<see cref="KernelStartup"/>) and always reflect its plugins at that moment; the initial load
/// announces nothing, and later changes are announced with one <c>list_changed</c> per burst, only when a list really changed.
/// </summary>
internal sealed class McpBridge : IDisposable
{
    /// <summary>How long the plugins must stay unchanged before a burst of changes is announced.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(50);

    private static readonly JsonSerializerOptions ProtocolJson = McpJsonUtilities.DefaultOptions;
    private readonly KernelStartup _startup;
    private readonly IServiceProvider _services;
    private readonly ILogger<McpBridge> _logger;
    private readonly Lock _gate = new();
    private readonly Timer _debounce;
    private readonly TaskCompletionSource _served = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private KernelHost? _host;
    private Snapshot _current = Snapshot.Empty;
    private Snapshot? _prepared;
    private int _dirty;
    private string _announcedTools = "";
    private string _announcedPrompts = "";

    public McpBridge(KernelStartup startup, IServiceProvider services, ILogger<McpBridge> logger)
    {
        _startup = startup;
        _services = services;
        _logger = logger;
        _debounce = new Timer(_ => Announce());
        _ = PrepareAsync();
        _ = AttachWhenReadyAsync();
    }

    /// <summary>Installs the tool and prompt handlers and their capabilities on the server options.</summary>
    public void Attach(McpServerOptions options)
    {
        options.Capabilities ??= new ServerCapabilities();
        options.Capabilities.Tools = new ToolsCapability { ListChanged = true };
        options.Capabilities.Prompts = new PromptsCapability { ListChanged = true };
        options.Handlers.ListToolsHandler = ListToolsAsync;
        options.Handlers.CallToolHandler = CallToolAsync;
        options.Handlers.ListPromptsHandler = ListPromptsAsync;
        options.Handlers.GetPromptHandler = GetPromptAsync;
    }

    /// <summary>The tool offered under a name, if any (after the kernel loaded).</summary>
    public bool TryGetTool(string name, out KernelFunctionTool tool) => _current.Tools.TryGetValue(name, out tool!);

    /// <summary>The prompt offered under a name, if any (after the kernel loaded).</summary>
    public bool TryGetPrompt(string name, out KernelFunctionPrompt prompt) => _current.Prompts.TryGetValue(name, out prompt!);

    public void Dispose()
    {
        _debounce.Dispose();
        if (_host is not null)
            _host.Changed -= OnPluginsChanged;
    }

    // While the prompt and agent files load, builds the native functions' tools (their schemas are most of the list's
    // cost) on a thread of its own beside the loading one; the first list reuses them. Nothing is served from this.
    private async Task PrepareAsync()
    {
        try
        {
            var host = await _startup.NativePluginsLoaded.ConfigureAwait(false);
            await Task.Factory.StartNew(() =>
            {
                lock (_gate)
                {
                    if (_host is null)
                        _prepared = Build(host, ToolNaming.Assign(host.Plugins), Snapshot.Empty);
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The first list builds everything itself and reports what fails.
            _logger.LogDebug(ex, "Preparing the native plugins' tools failed");
        }
    }

    private async Task AttachWhenReadyAsync()
    {
        try
        {
            await _startup.Ready.ConfigureAwait(false);
            var host = _services.GetRequiredService<KernelHost>();
            lock (_gate)
                _host = host;
            host.Changed += OnPluginsChanged;
            var first = Sync();
            (_announcedTools, _announcedPrompts) = (first.ToolsFingerprint, first.PromptsFingerprint);
            _served.TrySetResult();
        }
        catch (Exception ex)
        {
            // KernelStartup logged it; every list and call reports it.
            _served.TrySetException(ex);
        }
    }

    private void OnPluginsChanged(object? sender, EventArgs e)
    {
        Volatile.Write(ref _dirty, 1);
        _debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
    }

    private async ValueTask<Snapshot> ReadyAsync()
    {
        try
        {
            await _served.Task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw new McpException($"The server could not load its plugins: {ex.Message}. The server log (stderr) has the details.");
        }
        return Volatile.Read(ref _dirty) == 1 ? Sync() : _current;
    }

    private async ValueTask<ListToolsResult> ListToolsAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken) =>
        new() { Tools = [.. (await ReadyAsync().ConfigureAwait(false)).ToolList] };

    private async ValueTask<ListPromptsResult> ListPromptsAsync(RequestContext<ListPromptsRequestParams> request, CancellationToken cancellationToken) =>
        new() { Prompts = [.. (await ReadyAsync().ConfigureAwait(false)).PromptList] };

    private async ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var snapshot = await ReadyAsync().ConfigureAwait(false);
        var name = request.Params?.Name ?? "";
        McpServerTool? tool = snapshot.Tools.TryGetValue(name, out var function) ? function : JobTools?.Find(name);
        if (tool is null)
            throw new McpProtocolException($"Unknown tool: '{name}'. List the tools with tools/list.", McpErrorCode.InvalidParams);
        return ResultSizeLimit.Fit(await tool.InvokeAsync(request, cancellationToken).ConfigureAwait(false));
    }

    private async ValueTask<GetPromptResult> GetPromptAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken)
    {
        var snapshot = await ReadyAsync().ConfigureAwait(false);
        var name = request.Params?.Name ?? "";
        if (!snapshot.Prompts.TryGetValue(name, out var prompt))
            throw new McpProtocolException($"Unknown prompt: '{name}'. List the prompts with prompts/list.", McpErrorCode.InvalidParams);
        return await prompt.GetAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private Snapshot Sync()
    {
        lock (_gate)
        {
            Volatile.Write(ref _dirty, 0);
            var started = Stopwatch.GetTimestamp();
            _current = Build(_host!, ToolNaming.Assign(_host!.Plugins), _prepared ?? _current);
            _prepared = null;
            _logger.LogDebug("Offering {Tools} tools and {Prompts} prompts (built in {Milliseconds:0} ms)", _current.Tools.Count, _current.Prompts.Count,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return _current;
        }
    }

    // After a quiet period: bring the lists up to date and tell the clients about the lists that differ from what they were last told.
    private void Announce()
    {
        string[] methods;
        lock (_gate)
        {
            var now = Volatile.Read(ref _dirty) == 1 ? Sync() : _current;
            methods = [
                .. now.ToolsFingerprint != _announcedTools ? [NotificationMethods.ToolListChangedNotification] : Array.Empty<string>(),
                .. now.PromptsFingerprint != _announcedPrompts ? [NotificationMethods.PromptListChangedNotification] : Array.Empty<string>(),
            ];
            (_announcedTools, _announcedPrompts) = (now.ToolsFingerprint, now.PromptsFingerprint);
        }
        foreach (var method in methods)
        {
            foreach (var server in _services.GetRequiredService<ConnectedServers>().All)
                _ = NotifyAsync(server, method);
        }
    }

    private JobTools? JobTools => _services.GetService<JobTools>();

    // Tools whose function did not change are kept as they are, so a call in flight and the next one see the same object.
    // The job tools' names are the bridge's: a function that takes one is left out (with a warning), since results point to them.
    private Snapshot Build(KernelHost host, IReadOnlyList<NamedTool> named, Snapshot previous)
    {
        var jobTools = JobTools?.All ?? [];
        var launcher = _services.GetService<JobLauncher>();
        var tools = ImmutableDictionary.CreateBuilder<string, KernelFunctionTool>(StringComparer.Ordinal);
        var prompts = ImmutableDictionary.CreateBuilder<string, KernelFunctionPrompt>(StringComparer.Ordinal);
        var toolList = new List<Tool>();
        var promptList = new List<Prompt>();
        // A new tool's schemas come from reflection over its method, most of a build's time (all of it natively, where
        // reflection is slow): the new ones are made side by side, the rest of the build keeps the list's order.
        var made = new KernelFunctionTool?[named.Count];
        TwoAtATime.For(named.Count, i =>
        {
            var entry = named[i];
            if (entry.Function.GetTraits(entry.Plugin).AgentOnly != true && !jobTools.Any(t => t.ProtocolTool.Name == entry.ToolName)
                && !(previous.Tools.TryGetValue(entry.ToolName, out var old) && ReferenceEquals(old.Source.Function, entry.Function)))
                made[i] = new KernelFunctionTool(host, entry, _logger, launcher);
        });
        for (var i = 0; i < named.Count; i++)
        {
            var entry = named[i];
            if (entry.Function.GetTraits(entry.Plugin).AgentOnly == true)
                continue;
            if (jobTools.Any(t => t.ProtocolTool.Name == entry.ToolName))
            {
                _logger.LogWarning("The function {Plugin}.{Function} is not offered: its tool name {Tool} is the server's own", entry.Plugin.Name, entry.Function.Name, entry.ToolName);
                continue;
            }
            var tool = made[i] ?? previous.Tools[entry.ToolName];
            tools[entry.ToolName] = tool;
            toolList.Add(tool.ProtocolTool);
            if (KernelFunctionPrompt.PromptOf(entry) is not { } descriptor)
                continue;
            var prompt = previous.Prompts.TryGetValue(entry.ToolName, out var oldPrompt) && ReferenceEquals(oldPrompt.Source.Function, entry.Function)
                ? oldPrompt
                : new KernelFunctionPrompt(host, entry, descriptor);
            prompts[entry.ToolName] = prompt;
            promptList.Add(prompt.ProtocolPrompt);
        }
        toolList.AddRange(jobTools.Select(t => t.ProtocolTool));
        return new Snapshot(tools.ToImmutable(), toolList, prompts.ToImmutable(), promptList,
            KernelJson.Serialize(new ListToolsResult { Tools = toolList }, ProtocolJson), KernelJson.Serialize(new ListPromptsResult { Prompts = promptList }, ProtocolJson));
    }

    private async Task NotifyAsync(McpServer server, string method)
    {
        try
        {
            await server.SendNotificationAsync(method).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogDebug(ex, "Could not send {Method}", method);
        }
    }

    private sealed record Snapshot(
        ImmutableDictionary<string, KernelFunctionTool> Tools,
        IReadOnlyList<Tool> ToolList,
        ImmutableDictionary<string, KernelFunctionPrompt> Prompts,
        IReadOnlyList<Prompt> PromptList,
        string ToolsFingerprint,
        string PromptsFingerprint)
    {
        public static readonly Snapshot Empty = new(ImmutableDictionary<string, KernelFunctionTool>.Empty, [],
            ImmutableDictionary<string, KernelFunctionPrompt>.Empty, [], "", "");
    }
}
