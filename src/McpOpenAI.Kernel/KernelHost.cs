using System.Collections.Immutable;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel;

/// <summary>
/// Holds the application's Semantic Kernel <see cref="Microsoft.SemanticKernel.Kernel"/>. Plugins change while the
/// server runs (prompt files are edited, agents added), so every change publishes a new kernel over the same services
/// and filters; a published kernel is never changed, so a call in flight keeps the plugins it started with.
/// </summary>
public sealed class KernelHost
{
    private readonly IServiceProvider _services;
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, KernelPlugin> _plugins = ImmutableDictionary.Create<string, KernelPlugin>(StringComparer.OrdinalIgnoreCase);
    private Microsoft.SemanticKernel.Kernel _kernel;

    /// <summary>Creates the host; the kernel's services (and so its filters) come from <paramref name="services"/>.</summary>
    public KernelHost(IServiceProvider services, IEnumerable<KernelPlugin>? plugins = null)
    {
        _services = services;
        foreach (var plugin in plugins ?? [])
            _plugins = _plugins.Add(plugin.Name, plugin);
        _kernel = Build(_plugins);
    }

    /// <summary>Raised after the plugins changed (a new <see cref="Kernel"/> is published).</summary>
    public event EventHandler? Changed;

    /// <summary>The current kernel: its plugins, services and filters.</summary>
    public Microsoft.SemanticKernel.Kernel Kernel => Volatile.Read(ref _kernel);

    /// <summary>The current plugins, ordered by name.</summary>
    public IReadOnlyList<KernelPlugin> Plugins => [.. Kernel.Plugins.OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Adds a plugin, or replaces the one of the same name.</summary>
    public void Set(KernelPlugin plugin) => Update(p => p.SetItem(plugin.Name, plugin));

    /// <summary>Removes a plugin; false when there was none.</summary>
    public bool Remove(string name)
    {
        var removed = false;
        Update(p =>
        {
            removed = p.ContainsKey(name);
            return p.Remove(name);
        });
        return removed;
    }

    /// <summary>Applies several changes as one (one new kernel, one <see cref="Changed"/> event).</summary>
    public void Update(Func<ImmutableDictionary<string, KernelPlugin>, ImmutableDictionary<string, KernelPlugin>> change)
    {
        lock (_gate)
        {
            var next = change(_plugins);
            if (ReferenceEquals(next, _plugins))
                return;
            _plugins = next;
            Volatile.Write(ref _kernel, Build(next));
        }
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Finds a function by plugin and function name (case-insensitive).</summary>
    public bool TryGetFunction(string pluginName, string functionName, out KernelPlugin plugin, out KernelFunction function)
    {
        function = null!;
        return Kernel.Plugins.TryGetPlugin(pluginName, out plugin!) && plugin.TryGetFunction(functionName, out function!);
    }

    /// <summary>Finds a function by <c>Plugin.function</c> or <c>Plugin-function</c>.</summary>
    public bool TryGetFunction(string qualifiedName, out KernelPlugin plugin, out KernelFunction function)
    {
        var separator = qualifiedName.IndexOfAny(['.', '-']);
        if (separator > 0)
            return TryGetFunction(qualifiedName[..separator], qualifiedName[(separator + 1)..], out plugin, out function);
        plugin = null!;
        function = null!;
        return false;
    }

    private Microsoft.SemanticKernel.Kernel Build(ImmutableDictionary<string, KernelPlugin> plugins) =>
        new(_services, new KernelPluginCollection(plugins.Values));
}
