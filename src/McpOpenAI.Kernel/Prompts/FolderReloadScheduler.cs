using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// Keeps a folder-backed plugin source current: reloads it, debounced, when its folder changes on disk or when
/// the other plugins it depends on come or go, on a background timer whose failures are logged, never thrown.
/// Shared by the prompt-file and agent-file sources.
/// </summary>
internal sealed class FolderReloadScheduler : IDisposable
{
    private readonly KernelHost _host;
    private readonly string _folder;
    private readonly Func<IReadOnlyList<KernelPlugin>> _dependencies;
    private readonly Action _reload;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Timer _debounce;
    private PromptDirectoryWatcher? _watcher;
    private string _signature = string.Empty;
    private IReadOnlySet<string>? _dependsOn;
    private bool _disposed;

    /// <param name="host">The kernel host whose plugin changes may call for a reload.</param>
    /// <param name="folder">The folder to watch (it need not exist yet).</param>
    /// <param name="dependencies">The plugins the source's files may refer to; a change to them reloads.</param>
    /// <param name="reload">Reloads the source; it calls <see cref="Loaded"/> with the dependencies it used.</param>
    /// <param name="logger">Receives failed background reloads.</param>
    public FolderReloadScheduler(KernelHost host, string folder, Func<IReadOnlyList<KernelPlugin>> dependencies, Action reload, ILogger logger)
    {
        _host = host;
        _folder = folder;
        _dependencies = dependencies;
        _reload = reload;
        _logger = logger;
        _debounce = new Timer(_ => Run(), null, Timeout.Infinite, Timeout.Infinite);
        _host.Changed += OnKernelPluginsChanged;
    }

    /// <summary>How long the disk must be quiet before a reload; editors save in several steps.</summary>
    public TimeSpan DebounceDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Starts watching the folder (and for it, when it does not exist yet).</summary>
    /// <param name="owner">The source, named in the exception when this is already disposed.</param>
    public void Start(object owner)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, owner);
            _watcher ??= new PromptDirectoryWatcher(_folder, Schedule);
        }
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> for <paramref name="owner"/> once this is disposed.</summary>
    public void ThrowIfDisposed(object owner)
    {
        lock (_gate)
            ObjectDisposedException.ThrowIf(_disposed, owner);
    }

    /// <summary>Records what a reload checked the files against, and re-arms the watcher for new subfolders.</summary>
    /// <param name="dependencies">The other plugins as the reload saw them.</param>
    /// <param name="dependsOn">The names of those that matter to the files (null: all of them); only their changes reload.</param>
    public void Loaded(IReadOnlyList<KernelPlugin> dependencies, IReadOnlySet<string>? dependsOn = null)
    {
        lock (_gate)
        {
            _dependsOn = dependsOn;
            _signature = Signature(dependencies);
            _watcher?.Refresh();
        }
    }

    /// <summary>Asks for a reload after the debounce delay (restarting the delay if one is pending).</summary>
    public void Schedule()
    {
        try
        {
            _debounce.Change(DebounceDelay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a change notification was in flight.
        }
    }

    /// <summary>Stops watching and reloading; idempotent.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _host.Changed -= OnKernelPluginsChanged;
            _watcher?.Dispose();
            _watcher = null;
        }
        _debounce.Dispose();
    }

    private string Signature(IEnumerable<KernelPlugin> plugins) =>
        string.Join("|", plugins.Where(p => _dependsOn?.Contains(p.Name) ?? true).Select(p => $"{p.Name}:{string.Join(",", p.Select(f => f.Name))}"));

    // Files may call functions of other plugins, so those arriving or leaving re-checks the files.
    private void OnKernelPluginsChanged(object? sender, EventArgs e)
    {
        bool changed;
        lock (_gate)
        {
            if (_disposed || _watcher is null)
                return;
            changed = Signature(_dependencies()) != _signature;
        }
        if (changed)
            Schedule();
    }

    private void Run()
    {
        try
        {
            _reload();
        }
        catch (ObjectDisposedException)
        {
            // The source was disposed while the timer fired.
        }
#pragma warning disable CA1031 // A failed background reload must not take the server down; it is logged and retried on the next change.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Reloading {Folder} failed.", _folder);
        }
    }
}
