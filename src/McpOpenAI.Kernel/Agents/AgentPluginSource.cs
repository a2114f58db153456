using System.Security.Cryptography;
using System.Text;
using McpOpenAI.Kernel.Agents.Files;
using McpOpenAI.Kernel.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// Loads the agent files of a folder (<c>*.agent.yaml</c>) into the kernel as one plugin, <see cref="PluginName"/>, and
/// keeps it in step with the disk: with <see cref="StartWatching"/>, adding, editing or deleting a file changes the
/// plugin within a second (a new kernel is published through <see cref="KernelHost.Update"/>). A broken file is skipped
/// and reported in <see cref="Errors"/> with its line; the other agents keep working.
/// </summary>
public sealed class AgentPluginSource : IPromptFileSource, IDisposable
{
    /// <summary>The plugin every agent belongs to.</summary>
    public const string PluginName = "Agents";

    private readonly KernelHost _host;
    private readonly AgentSessionStore? _sessions;
    private readonly IExternalPlugins? _external;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly FolderReloadScheduler _scheduler;
    private KernelPlugin? _owned;
    private string _fingerprint = string.Empty;
    private volatile AgentLoadResult _state = new([], []);

    /// <summary>Creates the source; nothing is read until <see cref="Reload"/> or <see cref="StartWatching"/>.</summary>
    /// <param name="host">The kernel host the agents join, and whose functions they call.</param>
    /// <param name="folder">The agents folder (usually <c>prompts/Agents</c>); it need not exist yet.</param>
    /// <param name="sessions">Where conversations are kept; null for no sessions.</param>
    /// <param name="logger">Receives a warning per broken file.</param>
    /// <param name="external">Plugins that join later (other MCP servers' tools); an agent may name them before they arrive.</param>
    public AgentPluginSource(KernelHost host, string folder, AgentSessionStore? sessions = null, ILogger? logger = null, IExternalPlugins? external = null)
    {
        _host = host ?? throw new ArgumentNullException(nameof(host));
        Folder = Path.GetFullPath(folder);
        _sessions = sessions;
        _external = external;
        _logger = logger ?? NullLogger.Instance;
        _scheduler = new FolderReloadScheduler(host, Folder, Others, () => Reload(), _logger);
    }

    /// <summary>The agents folder (full path).</summary>
    public string Folder { get; }

    /// <summary>How long the disk must be quiet before a reload.</summary>
    public TimeSpan DebounceDelay { get => _scheduler.DebounceDelay; init => _scheduler.DebounceDelay = value; }

    /// <summary>The problems found by the last load.</summary>
    public IReadOnlyList<PromptFileError> Errors => _state.Errors;

    /// <summary>The agents loaded by the last load.</summary>
    public IReadOnlyList<AgentFunction> Agents => _state.Agents;

    /// <inheritdoc />
    string IPromptFileSource.RootPath => Folder;

    /// <inheritdoc />
    public IReadOnlyList<LoadedPrompt> Loaded => [.. Agents.Select(a => new LoadedPrompt(PluginName, a.Name, a.Definition.SourcePath ?? Folder))];

    /// <summary>Raised after every load.</summary>
    public event EventHandler<AgentLoadResult>? Reloaded;

    /// <summary>Reads the folder now and updates the kernel's <c>Agents</c> plugin (one change, only when something changed).</summary>
    public AgentLoadResult Reload()
    {
        AgentLoadResult state;
        lock (_gate)
        {
            _scheduler.ThrowIfDisposed(this);
            var others = Others();
            var errors = new List<PromptFileError>();
            var loaded = Load(others, errors);
            _scheduler.Loaded(others);
            var fingerprint = Fingerprint(loaded.Select(l => l.File));
            if (fingerprint == _fingerprint && (_owned is null || _host.Kernel.Plugins.Contains(PluginName)))
            {
                state = new AgentLoadResult(_state.Agents, errors);
            }
            else
            {
                state = new AgentLoadResult([.. loaded.Select(l => l.Agent)], errors);
                Publish(state.Agents, errors);
                _fingerprint = fingerprint;
            }
            _state = state;
        }
        foreach (var error in state.Errors)
            _logger.LogWarning("Agent file problem: {Problem}", error.ToString());
        _logger.LogInformation("Loaded {Count} agent(s) from {Folder} with {Errors} problem(s).", state.Agents.Count, Folder, state.Errors.Count);
        Reloaded?.Invoke(this, state);
        return state;
    }

    /// <summary>Loads the folder and keeps watching it.</summary>
    public void StartWatching()
    {
        _scheduler.Start(this);
        Reload();
    }

    /// <summary>Stops watching; the loaded agents stay in the kernel.</summary>
    public void Dispose() => _scheduler.Dispose();

    private void Publish(IReadOnlyList<AgentFunction> agents, List<PromptFileError> errors)
    {
        var previous = _owned;
        var next = agents.Count == 0 ? null
            : KernelPluginFactory.CreateFromFunctions(PluginName, "Agents that run their own tool loops, defined by *.agent.yaml files.", agents.Select(a => a.Function));
        var published = true;
        _host.Update(plugins =>
        {
            if (plugins.TryGetValue(PluginName, out var current) && !ReferenceEquals(current, previous))
            {
                published = false;
                return plugins;
            }
            return next is null ? plugins.Remove(PluginName) : plugins.SetItem(PluginName, next);
        });
        if (published)
            _owned = next;
        else
            errors.Add(new PromptFileError(Folder, null, null, $"Another plugin is already named '{PluginName}'; the agents are not loaded."));
    }

    private List<(AgentFunction Agent, ParsedAgentFile File)> Load(IReadOnlyList<KernelPlugin> others, List<PromptFileError> errors)
    {
        var result = new List<(AgentFunction Agent, ParsedAgentFile File)>();
        string[] files;
        try
        {
            files = Directory.Exists(Folder) ? [.. Directory.GetFiles(Folder).Where(AgentFileParser.IsAgentFile).Order(StringComparer.Ordinal)] : [];
        }
        catch (IOException)
        {
            return result;
        }
        var templates = _host.Kernel.Services.GetService<IPromptTemplateFactory>() ?? new KernelPromptTemplateFactory();
        foreach (var path in files)
        {
            try
            {
                var file = AgentFileParser.Parse(path);
                var agent = new AgentFunction(file.Definition, templates, _sessions, _external, file.InstructionsLineOffset, file.MessageLineOffset);
                if (AgentValidator.FindProblem(agent, file, others, result.Select(r => r.Agent), _external) is { } problem)
                    errors.Add(problem);
                else
                    result.Add((agent, file));
            }
            catch (AgentFileException ex)
            {
                errors.Add(ex.ToError());
            }
            catch (PromptFileException ex)
            {
                errors.Add(new PromptFileError(path, ex.Line, ex.Column, ex.Message));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new PromptFileError(path, null, null, $"Could not read the file: {ex.Message}"));
            }
        }
        return result;
    }

    private IReadOnlyList<KernelPlugin> Others() =>
        [.. _host.Plugins.Where(p => !string.Equals(p.Name, PluginName, StringComparison.OrdinalIgnoreCase))];

    private static string Fingerprint(IEnumerable<ParsedAgentFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
            text.Append(file.Definition.SourcePath).Append('\0').Append(file.Contents).Append('\0');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
