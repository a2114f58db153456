using System.Security.Cryptography;
using System.Text;
using McpOpenAI.Kernel.Agents.Files;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using McpOpenAI.Kernel.Prompts.Files;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpOpenAI.Kernel.Agents;

/// <summary>
/// Loads the agent files of a folder (<c>*.agent.yaml</c>) into the kernel as one plugin, <see cref="PluginName"/>,
/// and keeps it in step with the disk: with <see cref="StartWatching"/>, adding, editing or deleting a file changes
/// the plugin within a second. A broken file is skipped and reported in <see cref="Errors"/> with its line; the
/// other agents keep working.
/// </summary>
public sealed class AgentPluginSource : IPromptFileSource, IDisposable
{
    /// <summary>The plugin every agent belongs to.</summary>
    public const string PluginName = "Agents";

    private readonly PluginKernel _kernel;
    private readonly AgentSessionStore? _sessions;
    private readonly AgentRunner _runner;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly FolderReloadScheduler _scheduler;
    private AIPlugin? _owned;
    private string _fingerprint = string.Empty;
    private volatile AgentLoadResult _state = new([], []);

    /// <summary>Creates the source; nothing is read until <see cref="Reload"/> or <see cref="StartWatching"/>.</summary>
    /// <param name="kernel">The kernel the agents join, and whose functions they call.</param>
    /// <param name="folder">The agents folder (usually <c>prompts/Agents</c>); it need not exist yet.</param>
    /// <param name="sessions">Where conversations are kept; null for no sessions.</param>
    /// <param name="logger">Receives a warning per broken file.</param>
    /// <param name="runner">The loop the agents run on.</param>
    public AgentPluginSource(PluginKernel kernel, string folder, AgentSessionStore? sessions = null, ILogger? logger = null, AgentRunner? runner = null)
    {
        _kernel = kernel;
        Folder = Path.GetFullPath(folder);
        _sessions = sessions;
        _runner = runner ?? new AgentRunner();
        _logger = logger ?? NullLogger.Instance;
        _scheduler = new FolderReloadScheduler(kernel, Folder, Others, () => Reload(), _logger);
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
    public IReadOnlyList<LoadedPrompt> Loaded => Agents.Select(a => new LoadedPrompt(PluginName, a.Name, a.Definition.SourcePath ?? Folder)).ToArray();

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
            state = new AgentLoadResult(loaded.Select(l => l.Function).ToArray(), errors);
            _scheduler.Loaded(others);
            var fingerprint = Fingerprint(loaded.Select(l => l.File));
            if (fingerprint != _fingerprint || (_owned is not null && !_kernel.Plugins.TryGet(PluginName, out _)))
            {
                var previous = _owned;
                var next = loaded.Count == 0 ? null
                    : new AIPlugin(PluginName, "Agents that run their own tool loops, defined by *.agent.yaml files.", loaded.Select(l => (AIFunction)l.Function), Folder);
                _owned = next;
                _fingerprint = fingerprint;
                _state = state;
                _kernel.Plugins.Update(plugins =>
                {
                    var ours = previous is null ? !plugins.ContainsKey(PluginName)
                        : plugins.TryGetValue(PluginName, out var current) && ReferenceEquals(current, previous) || !plugins.ContainsKey(PluginName);
                    if (!ours)
                    {
                        errors.Add(new PromptFileError(Folder, null, null, $"Another plugin is already named '{PluginName}'; the agents are not loaded."));
                        return plugins;
                    }
                    return next is null ? plugins.Remove(PluginName) : plugins.SetItem(PluginName, next);
                });
            }
            else
            {
                state = new AgentLoadResult(_state.Agents, errors);
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

    private List<(AgentFunction Function, ParsedAgentFile File)> Load(IReadOnlyList<AIPlugin> others, List<PromptFileError> errors)
    {
        var result = new List<(AgentFunction Function, ParsedAgentFile File)>();
        if (!Directory.Exists(Folder))
            return result;
        string[] files;
        try
        {
            files = Directory.GetFiles(Folder).Where(AgentFileParser.IsAgentFile).Order(StringComparer.Ordinal).ToArray();
        }
        catch (IOException)
        {
            return result;
        }
        foreach (var path in files)
        {
            try
            {
                var file = AgentFileParser.Parse(path);
                var function = new AgentFunction(file.Definition, _kernel, _sessions, _runner, file.InstructionsLineOffset, file.MessageLineOffset);
                if (AgentValidator.FindProblem(function, file, others, result.Select(r => r.Function)) is { } problem)
                    errors.Add(problem);
                else
                    result.Add((function, file));
            }
            catch (PromptFileLoadException ex)
            {
                errors.Add(ex.ToError());
            }
            catch (PromptFileException ex)
            {
                errors.Add(new PromptFileError(path, ex.Line, null, ex.Message));
            }
            catch (IOException ex)
            {
                errors.Add(new PromptFileError(path, null, null, $"Could not read the file: {ex.Message}"));
            }
            catch (UnauthorizedAccessException ex)
            {
                errors.Add(new PromptFileError(path, null, null, $"Could not read the file: {ex.Message}"));
            }
        }
        return result;
    }

    private IReadOnlyList<AIPlugin> Others() =>
        _kernel.Plugins.Snapshot.Where(p => !string.Equals(p.Name, PluginName, StringComparison.OrdinalIgnoreCase)).ToArray();

    private static string Fingerprint(IEnumerable<ParsedAgentFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
            text.Append(file.Definition.SourcePath).Append('\0').Append(file.Contents).Append('\0');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
