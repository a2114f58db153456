namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// Watches a prompts folder and everything under it, and reports any change. When the folder does not exist
/// (yet, or any more) it watches the nearest existing parent for it to appear; <see cref="Refresh"/> re-aims
/// the watch after each load.
/// </summary>
internal sealed class PromptDirectoryWatcher : IDisposable
{
    private readonly string _root;
    private readonly Action _changed;
    private FileSystemWatcher? _watcher;
    private bool _watchingRoot;

    public PromptDirectoryWatcher(string root, Action changed)
    {
        _root = root;
        _changed = changed;
        Refresh();
    }

    /// <summary>Watches the root if it exists now, else the nearest existing parent.</summary>
    public void Refresh()
    {
        var rootExists = Directory.Exists(_root);
        if (_watcher is not null && _watchingRoot == rootExists)
            return;
        _watcher?.Dispose();
        _watcher = null;
        _watchingRoot = rootExists;

        var path = rootExists ? _root : NearestExistingParent(_root);
        if (path is null)
            return;
        var watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = rootExists,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += OnChanged;
        watcher.Error += OnError;
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => _changed();

    // A lost event (buffer overflow) or a vanished folder: reload everything, which also re-aims the watch.
    private void OnError(object sender, ErrorEventArgs e)
    {
        _watchingRoot = !_watchingRoot;
        _changed();
    }

    private static string? NearestExistingParent(string path)
    {
        var parent = Path.GetDirectoryName(path);
        while (parent is not null && !Directory.Exists(parent))
            parent = Path.GetDirectoryName(parent);
        return parent;
    }
}
