using System.Security.Cryptography;
using System.Text;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts.Templates;

namespace McpOpenAI.Kernel.Prompts.Files;

/// <summary>
/// Reads every <c>root/&lt;Plugin&gt;/</c> folder into a plugin of prompt functions, checks each template's
/// variables and function calls against the input variables and the functions that will exist, and reports
/// every broken file while keeping the rest.
/// </summary>
internal sealed class PromptPluginLoader(PluginKernel kernel)
{
    private sealed record Candidate(string Plugin, PromptFunction Function, ParsedPromptFile File);

    public PromptLoadResult Load(string root, IReadOnlyList<AIPlugin> nativePlugins)
    {
        var errors = new List<PromptFileError>();
        var candidates = new List<Candidate>();
        var folders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
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
                if (nativePlugins.Any(p => string.Equals(p.Name, pluginName, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new(folder, null, null, $"A built-in plugin is already named '{pluginName}'; rename the prompt folder."));
                    continue;
                }
                folders[pluginName] = folder;
                candidates.AddRange(LoadPluginFolder(pluginName, folder, errors));
            }
        }

        candidates = Validate(candidates, nativePlugins, errors);
        var plugins = candidates.GroupBy(c => c.Plugin, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key,
            g => (new AIPlugin(g.Key, null, g.Select(c => (Microsoft.Extensions.AI.AIFunction)c.Function), folders[g.Key]), Fingerprint(g)),
            StringComparer.OrdinalIgnoreCase);
        var loaded = candidates.Select(c => new LoadedPrompt(c.Plugin, c.Function.Name, c.File.Definition.SourcePath ?? c.File.TemplateFile)).ToArray();
        return new PromptLoadResult(plugins, loaded, errors);
    }

    private static IEnumerable<string> PromptEntries(string folder) =>
        SafeList(() => Directory.GetDirectories(folder)).Where(PromptFileParser.IsPromptFolder)
            .Concat(SafeList(() => Directory.GetFiles(folder)).Where(PromptFileParser.IsPromptYaml));

    private List<Candidate> LoadPluginFolder(string pluginName, string folder, List<PromptFileError> errors)
    {
        var entries = PromptEntries(folder).Order(StringComparer.Ordinal);
        var result = new List<Candidate>();
        foreach (var entry in entries)
        {
            try
            {
                var file = Directory.Exists(entry) ? PromptFileParser.ParseFolder(entry) : PromptFileParser.ParseYaml(entry);
                errors.AddRange(file.Warnings);
                var name = file.Definition.Name;
                if (!Naming.IsValidFunctionName(name))
                {
                    errors.Add(new(entry, null, null, $"'{name}' is not a valid function name; use letters, digits, underscores and hyphens."));
                    continue;
                }
                if (result.FirstOrDefault(c => string.Equals(c.Function.Name, name, StringComparison.OrdinalIgnoreCase)) is { } existing)
                {
                    errors.Add(new(file.TemplateFile, null, null, $"Plugin '{pluginName}' already has a function '{name}' (from {existing.File.TemplateFile}); rename one of them."));
                    continue;
                }
                var function = new PromptFunction(file.Definition, pluginName, kernel, file.TemplateLineOffset);
                result.Add(new Candidate(pluginName, function, file));
            }
            catch (PromptFileLoadException ex)
            {
                errors.Add(ex.ToError());
            }
            catch (PromptFileException ex)
            {
                var file = TemplateFileOf(entry);
                errors.Add(new(file, ex.Line, ColumnIn(file, ex.Column), ex.Message));
            }
            catch (IOException ex)
            {
                errors.Add(new(entry, null, null, $"Could not read the file: {ex.Message}"));
            }
            catch (UnauthorizedAccessException ex)
            {
                errors.Add(new(entry, null, null, $"Could not read the file: {ex.Message}"));
            }
        }
        return result;
    }

    // A prompt that calls a broken prompt is broken too, so checking repeats until nothing more is removed.
    private static List<Candidate> Validate(List<Candidate> candidates, IReadOnlyList<AIPlugin> nativePlugins, List<PromptFileError> errors)
    {
        while (true)
        {
            var plugins = nativePlugins.Concat(candidates.GroupBy(c => c.Plugin, StringComparer.OrdinalIgnoreCase)
                .Select(g => new AIPlugin(g.Key, null, g.Select(c => (Microsoft.Extensions.AI.AIFunction)c.Function)))).ToArray();
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

    private static PromptFileError? FindProblem(Candidate candidate, IReadOnlyList<AIPlugin> plugins)
    {
        var function = candidate.Function;
        var file = candidate.File.TemplateFile;
        int? Column(int? column) => ColumnIn(file, column);
        var handlebars = function.Definition.TemplateFormat == PromptTemplateFormats.Handlebars;
        if (function.Definition.InputVariablesDeclared)
        {
            foreach (var variable in function.Template.Variables)
            {
                if (!function.InputVariables.Any(v => string.Equals(v.Name, variable.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    var usage = handlebars ? $"{{{{{variable.Name}}}}}" : $"{{{{${variable.Name}}}}}";
                    return new(file, variable.Line, Column(variable.Column),
                        $"The template uses {usage} but '{variable.Name}' is not in input_variables (declared: {string.Join(", ", function.InputVariables.Select(v => v.Name))}). Declare it or fix the name.");
                }
            }
        }
        foreach (var call in function.Template.Functions)
        {
            var written = handlebars ? $"{call.PluginName}-{call.FunctionName}" : call.DisplayName;
            if (!FunctionResolver.TryResolve(plugins, candidate.Plugin, call.PluginName, call.FunctionName, out var plugin, out var target))
                return new(file, call.Line, Column(call.Column), $"The template calls '{written}', but there is no such function. Check the plugin and function names.");
            var parameters = FunctionResolver.Parameters(target);
            if (call.PositionalCount > parameters.Count)
                return new(file, call.Line, Column(call.Column), $"The template passes {call.PositionalCount} positional argument(s) to '{written}', which takes {parameters.Count}.");
            if (!handlebars && call.PositionalCount == 1 && call.NamedArguments.Any(n => string.Equals(n, parameters[0], StringComparison.OrdinalIgnoreCase)))
                return new(file, call.Line, Column(call.Column), $"The call of '{written}' sets '{parameters[0]}' twice: by position and by name.");
            if (ReferenceEquals(target, function))
                return new(file, call.Line, Column(call.Column), $"The template calls its own function '{plugin.Name}.{target.Name}', which would never end.");
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
