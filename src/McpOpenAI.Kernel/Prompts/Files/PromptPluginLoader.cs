using System.Security.Cryptography;
using System.Text;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>
/// Reads every <c>root/&lt;Plugin&gt;/</c> folder into a <see cref="PromptPlugin"/> of Semantic Kernel prompt functions,
/// checks each template's variables and function calls against the input variables and the functions that will exist,
/// and reports every broken file while keeping the rest.
/// </summary>
internal sealed class PromptPluginLoader(IPromptTemplateFactory templates, ILoggerFactory? loggerFactory = null)
{
    private sealed record Candidate(string Plugin, KernelFunction Function, PromptDescriptor Prompt, ParsedPromptFile File,
        IReadOnlyList<string> Declared, TemplateReferences References);

    public PromptLoadResult Load(string root, IReadOnlyList<KernelPlugin> nativePlugins)
    {
        var errors = new List<PromptFileError>();
        var candidates = new List<Candidate>();
        var folders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var named = new List<string>();
        if (Directory.Exists(root))
        {
            foreach (var folder in SafeList(() => Directory.GetDirectories(root)).Order(StringComparer.Ordinal))
            {
                var pluginName = Path.GetFileName(folder);
                // A folder with no prompt files (e.g. prompts/Agents, which holds *.agent.yaml) is not a prompt plugin.
                if (pluginName.StartsWith('.') || !PromptEntries(folder).Any())
                    continue;
                if (!Naming.IsValidPluginName(pluginName))
                {
                    errors.Add(new(folder, null, null, $"'{pluginName}' is not a valid plugin name; rename the folder using letters, digits and underscores only."));
                    continue;
                }
                named.Add(pluginName);
                if (nativePlugins.Any(p => string.Equals(p.Name, pluginName, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new(folder, null, null, $"A built-in plugin is already named '{pluginName}'; rename the prompt folder."));
                    continue;
                }
                folders[pluginName] = folder;
                candidates.AddRange(LoadPluginFolder(pluginName, folder, errors));
            }
        }

        var dependsOn = DependsOn(named, candidates);
        candidates = Validate(candidates, nativePlugins, errors);
        var plugins = candidates.GroupBy(c => c.Plugin, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key,
            g => (new PromptPlugin(g.Key, null, g.Select(c => (c.Function, (PromptDescriptor?)c.Prompt)), folders[g.Key]), Fingerprint(g)),
            StringComparer.OrdinalIgnoreCase);
        var loaded = candidates.Select(c => new LoadedPrompt(c.Plugin, c.Function.Name, c.File.TemplateFile)).ToArray();
        return new PromptLoadResult(plugins, loaded, errors, dependsOn);
    }

    // The other plugins whose coming or going can change this load: those the templates call (found or not) and those named
    // like a prompt folder. Null (every plugin) when a template calls a function without naming its plugin.
    private static HashSet<string>? DependsOn(IEnumerable<string> folders, List<Candidate> candidates)
    {
        var names = new HashSet<string>(folders, StringComparer.OrdinalIgnoreCase);
        foreach (var call in candidates.SelectMany(c => c.References.Functions))
        {
            if (string.IsNullOrEmpty(call.PluginName))
                return null;
            names.Add(call.PluginName);
        }
        return names;
    }

    private static IEnumerable<string> PromptEntries(string folder) =>
        SafeList(() => Directory.GetDirectories(folder)).Where(PromptFileParser.IsPromptFolder)
            .Concat(SafeList(() => Directory.GetFiles(folder)).Where(PromptFileParser.IsPromptYaml));

    // One entry read, parsed and made into a function; or the error that stopped it, at parsing (File is null) or after.
    private sealed record EntryOutcome(ParsedPromptFile? File, Candidate? Candidate, PromptFileError? Error);

    private List<Candidate> LoadPluginFolder(string pluginName, string folder, List<PromptFileError> errors)
    {
        var entries = PromptEntries(folder).Order(StringComparer.Ordinal).ToArray();
        // Files are independent, and the first of each kind costs mostly first-call (JIT) work of its parser and template
        // engine (YamlDotNet, Handlebars.Net, Semantic Kernel's), so they are read side by side; what follows keeps file order.
        var outcomes = new EntryOutcome[entries.Length];
        Hosting.TwoAtATime.For(entries.Length, i => outcomes[i] = LoadEntry(pluginName, entries[i]));
        var result = new List<Candidate>();
        for (var i = 0; i < entries.Length; i++)
        {
            var (file, candidate, error) = outcomes[i];
            if (file is null)
            {
                errors.Add(error!);
                continue;
            }
            errors.AddRange(file.Warnings);
            var name = file.Config.Name!;
            if (!Naming.IsValidFunctionName(name))
            {
                errors.Add(new(entries[i], null, null, $"'{name}' is not a valid function name; use letters, digits, underscores and hyphens."));
                continue;
            }
            if (result.FirstOrDefault(c => string.Equals(c.Function.Name, name, StringComparison.OrdinalIgnoreCase)) is { } existing)
            {
                errors.Add(new(file.TemplateFile, null, null, $"Plugin '{pluginName}' already has a function '{name}' (from {existing.File.TemplateFile}); rename one of them."));
                continue;
            }
            if (candidate is null)
                errors.Add(error!);
            else
                result.Add(candidate);
        }
        return result;
    }

    private EntryOutcome LoadEntry(string pluginName, string entry)
    {
        ParsedPromptFile? file = null;
        try
        {
            file = Directory.Exists(entry) ? PromptFileParser.ParseFolder(entry) : PromptFileParser.ParseYaml(entry);
            // The variables the file declares, before creating the template adds those the template uses.
            var declared = file.Config.InputVariables.Select(v => v.Name).ToArray();
            var references = file.Config.TemplateFormat == HandlebarsPromptTemplateFactory.HandlebarsTemplateFormat
                ? HandlebarsTemplateScanner.Scan(file.Config.Template, file.TemplateLineOffset)
                : KernelTemplateScanner.Scan(file.Config.Template, file.TemplateLineOffset);
            var (function, prompt) = PromptFunctionFactory.Create(file.Config, templates, loggerFactory);
            return new(file, new Candidate(pluginName, function, prompt, file, declared, references), null);
        }
        catch (PromptFileLoadException ex)
        {
            return new(file, null, ex.ToError());
        }
        catch (PromptFileException ex)
        {
            var templateFile = TemplateFileOf(entry);
            return new(file, null, new(templateFile, ex.Line, ColumnIn(templateFile, ex.Column), ex.Message));
        }
        catch (Exception ex) when (ex is KernelException or ArgumentException)
        {
            return new(file, null, new(TemplateFileOf(entry), null, null, ex.Message));
        }
        catch (IOException ex)
        {
            return new(file, null, new(entry, null, null, $"Could not read the file: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            return new(file, null, new(entry, null, null, $"Could not read the file: {ex.Message}"));
        }
    }

    // A prompt that calls a broken prompt is broken too, so checking repeats until nothing more is removed.
    private static List<Candidate> Validate(List<Candidate> candidates, IReadOnlyList<KernelPlugin> nativePlugins, List<PromptFileError> errors)
    {
        while (true)
        {
            var plugins = new KernelPluginCollection([.. nativePlugins, .. candidates.GroupBy(c => c.Plugin, StringComparer.OrdinalIgnoreCase)
                .Select(g => KernelPluginFactory.CreateFromFunctions(g.Key, g.Select(c => c.Function)))]);
            var failed = new List<Candidate>();
            foreach (var candidate in candidates)
            {
                if (FindProblem(candidate, plugins) is { } problem)
                {
                    errors.Add(problem);
                    failed.Add(candidate);
                }
            }
            if (failed.Count == 0)
                return candidates;
            candidates = candidates.Except(failed).ToList();
        }
    }

    private static PromptFileError? FindProblem(Candidate candidate, KernelPluginCollection plugins)
    {
        var file = candidate.File.TemplateFile;
        PromptFileError Problem(int line, int column, string message) => new(file, line, ColumnIn(file, column), message);
        if (candidate.Declared.Count > 0 && candidate.References.Variables.FirstOrDefault(v => !candidate.Declared.Contains(v.Name, StringComparer.OrdinalIgnoreCase)) is { } undeclared)
        {
            return Problem(undeclared.Line, undeclared.Column,
                $"The template uses {undeclared.Written} but '{undeclared.Name}' is not in input_variables (declared: {string.Join(", ", candidate.Declared)}). Declare it or fix the name.");
        }
        foreach (var call in candidate.References.Functions)
        {
            if (!plugins.TryGetFunction(call.PluginName, call.FunctionName, out var target))
                return Problem(call.Line, call.Column, $"The template calls '{call.Written}', but there is no such function. Check the plugin and function names.");
            var parameters = target.Metadata.Parameters.Count;
            if (call.PositionalCount > parameters)
                return Problem(call.Line, call.Column, $"The template passes {call.PositionalCount} positional argument(s) to '{call.Written}', which takes {parameters}.");
            if (string.Equals(target.PluginName, candidate.Plugin, StringComparison.OrdinalIgnoreCase) && string.Equals(target.Name, candidate.Function.Name, StringComparison.OrdinalIgnoreCase))
                return Problem(call.Line, call.Column, $"The template calls its own function '{candidate.Plugin}.{target.Name}', which would never end.");
        }
        return null;
    }

    private static string Fingerprint(IEnumerable<Candidate> candidates)
    {
        var text = new StringBuilder();
        foreach (var candidate in candidates)
            text.Append(candidate.File.TemplateFile).Append('\0').Append(candidate.File.Contents).Append('\0');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // A YAML block scalar loses its indentation, so a column inside the template does not match the file.
    private static int? ColumnIn(string file, int? column) => PromptFileParser.IsPromptYaml(file) ? null : column;

    private static string TemplateFileOf(string entry) =>
        Directory.Exists(entry) ? Path.Combine(entry, PromptFileParser.TemplateFileName) : entry;

    // A folder can vanish between listing and reading while an editor saves; treat it as empty.
    private static string[] SafeList(Func<string[]> list)
    {
        try
        {
            return list();
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
