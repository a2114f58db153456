using System.Collections.Immutable;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts.Files;
using McpOpenAI.Kernel.Prompts.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// Loads a prompts folder (<c>root/&lt;Plugin&gt;/&lt;Function&gt;/skprompt.txt</c> or <c>root/&lt;Plugin&gt;/&lt;Function&gt;.yaml</c>)
/// into the kernel as Semantic Kernel prompt functions, one <see cref="PromptPlugin"/> per folder, and keeps it in step with the disk: with <see cref="StartWatching"/>,
/// adding, editing, renaming or deleting a prompt file changes the kernel's plugins within a second. A broken file
/// is skipped and reported in <see cref="Errors"/>; everything else keeps working. Only plugins this source
/// created are ever replaced or removed.
/// </summary>
public sealed class PromptPluginSource : IPromptFileSource, IDisposable
{
    private readonly KernelHost _host;
    private readonly ILogger _logger;
    private readonly PromptPluginLoader _loader;
    private readonly Lock _gate = new();
    private readonly FolderReloadScheduler _scheduler;
    private Dictionary<string, (PromptPlugin Plugin, string Fingerprint)> _owned = new(StringComparer.OrdinalIgnoreCase);
    private volatile PromptReloadedEventArgs _state = new([], []);

    /// <summary>Creates the source; nothing is read until <see cref="Reload"/> or <see cref="StartWatching"/>.</summary>
    /// <param name="host">The kernel host whose plugins the prompts join.</param>
    /// <param name="rootPath">The prompts folder; it need not exist yet.</param>
    /// <param name="logger">Receives a warning per broken file.</param>
    /// <param name="loggerFactory">Receives Semantic Kernel's logs from the prompt functions.</param>
    public PromptPluginSource(KernelHost host, string rootPath, ILogger? logger = null, ILoggerFactory? loggerFactory = null)
    {
        _host = host;
        RootPath = Path.GetFullPath(rootPath);
        _logger = logger ?? NullLogger.Instance;
        _loader = new PromptPluginLoader(new PromptFileTemplateFactory(loggerFactory), loggerFactory);
        _scheduler = new FolderReloadScheduler(host, RootPath, NativePlugins, () => Reload(), _logger);
    }

    /// <summary>The prompts folder (full path).</summary>
    public string RootPath { get; }

    /// <summary>How long the disk must be quiet before a reload; editors save in several steps.</summary>
    public TimeSpan DebounceDelay { get => _scheduler.DebounceDelay; init => _scheduler.DebounceDelay = value; }

    /// <summary>The problems found by the last load (errors skip the file; warnings do not).</summary>
    public IReadOnlyList<PromptFileError> Errors => _state.Errors;

    /// <summary>The prompt functions loaded by the last load.</summary>
    public IReadOnlyList<LoadedPrompt> Loaded => _state.Loaded;

    /// <summary>Raised after every load, whether or not anything changed.</summary>
    public event EventHandler<PromptReloadedEventArgs>? Reloaded;

    /// <summary>Reads the folder now and updates the kernel's plugins in one change.</summary>
    public PromptReloadedEventArgs Reload()
    {
        PromptReloadedEventArgs state;
        lock (_gate)
        {
            _scheduler.ThrowIfDisposed(this);
            var native = NativePlugins();
            var result = _loader.Load(RootPath, native);
            var next = new Dictionary<string, (PromptPlugin Plugin, string Fingerprint)>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, entry) in result.Plugins)
                next[name] = _owned.TryGetValue(name, out var old) && old.Fingerprint == entry.Fingerprint ? old : entry;
            var previous = _owned;
            // Set first: the kernel's Changed handlers (ours included) run inside Update and must see the new
            // owners, loaded list and errors.
            _owned = next;
            state = new PromptReloadedEventArgs(result.Loaded, result.Errors);
            _state = state;
            _scheduler.Loaded(native, result.DependsOn);
            _host.Update(plugins => Apply(plugins, previous, next));
        }
        foreach (var error in state.Errors)
            _logger.LogWarning("Prompt file problem: {Problem}", error.ToString());
        _logger.LogInformation("Loaded {Count} prompt function(s) from {Root} with {Errors} problem(s).", state.Loaded.Count, RootPath, state.Errors.Count);
        Reloaded?.Invoke(this, state);
        return state;
    }

    /// <summary>Loads the folder and keeps watching it (and for it, when it does not exist yet).</summary>
    public void StartWatching()
    {
        _scheduler.Start(this);
        Reload();
    }

    /// <summary>Stops watching; the loaded plugins stay in the kernel.</summary>
    public void Dispose() => _scheduler.Dispose();

    private static ImmutableDictionary<string, KernelPlugin> Apply(ImmutableDictionary<string, KernelPlugin> plugins,
        Dictionary<string, (PromptPlugin Plugin, string Fingerprint)> previous, Dictionary<string, (PromptPlugin Plugin, string Fingerprint)> next)
    {
        foreach (var (name, old) in previous)
        {
            if (!next.ContainsKey(name) && plugins.TryGetValue(name, out var current) && ReferenceEquals(current, old.Plugin))
                plugins = plugins.Remove(name);
        }
        foreach (var (name, entry) in next)
        {
            if (plugins.TryGetValue(name, out var current))
            {
                var ours = previous.TryGetValue(name, out var old) && ReferenceEquals(current, old.Plugin);
                if (!ours || ReferenceEquals(current, entry.Plugin))
                    continue;
            }
            plugins = plugins.SetItem(name, entry.Plugin);
        }
        return plugins;
    }

    private IReadOnlyList<KernelPlugin> NativePlugins() =>
        _host.Plugins.Where(p => !_owned.TryGetValue(p.Name, out var owned) || !ReferenceEquals(owned.Plugin, p)).ToArray();
}
