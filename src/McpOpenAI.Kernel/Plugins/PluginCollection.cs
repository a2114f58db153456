using System.Collections.Immutable;

namespace McpOpenAI.Kernel.Plugins;

/// <summary>
/// The kernel's plugins. Reads see an immutable snapshot; writes replace it and raise <see cref="Changed"/>,
/// which is how hot-reloaded prompt files reach the hosts.
/// </summary>
public sealed class PluginCollection
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, AIPlugin> _plugins = ImmutableDictionary.Create<string, AIPlugin>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raised after any change.</summary>
    public event EventHandler? Changed;

    /// <summary>The current plugins, ordered by name.</summary>
    public IReadOnlyList<AIPlugin> Snapshot => _plugins.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Finds a plugin by name, ignoring case.</summary>
    public bool TryGet(string name, out AIPlugin plugin) => _plugins.TryGetValue(name, out plugin!);

    /// <summary>Adds a plugin, or replaces the one with the same name.</summary>
    public void Set(AIPlugin plugin) => Update(d => d.SetItem(plugin.Name, plugin));

    /// <summary>Adds a plugin; throws when one of that name exists.</summary>
    public void Add(AIPlugin plugin)
    {
        lock (_gate)
        {
            if (_plugins.ContainsKey(plugin.Name))
                throw new InvalidOperationException($"A plugin named '{plugin.Name}' is already loaded.");
            _plugins = _plugins.Add(plugin.Name, plugin);
        }
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Removes a plugin; returns false when there was none.</summary>
    public bool Remove(string name)
    {
        var removed = false;
        Update(d =>
        {
            removed = d.ContainsKey(name);
            return d.Remove(name);
        });
        return removed;
    }

    /// <summary>Applies several changes as one (one <see cref="Changed"/> event).</summary>
    public void Update(Func<ImmutableDictionary<string, AIPlugin>, ImmutableDictionary<string, AIPlugin>> change)
    {
        bool changed;
        lock (_gate)
        {
            var next = change(_plugins);
            changed = !ReferenceEquals(next, _plugins);
            _plugins = next;
        }
        if (changed)
            Changed?.Invoke(this, EventArgs.Empty);
    }
}
