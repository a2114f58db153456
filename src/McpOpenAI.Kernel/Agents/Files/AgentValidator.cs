using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using McpOpenAI.Kernel.Prompts.Templates;

namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>Checks an agent against the functions that exist: its name, template variables and calls, and its tools.</summary>
internal static class AgentValidator
{
    public static PromptFileError? FindProblem(AgentFunction agent, ParsedAgentFile file, IReadOnlyList<AIPlugin> plugins, IEnumerable<AgentFunction> loaded)
    {
        var path = file.Definition.SourcePath ?? string.Empty;
        var definition = agent.Definition;
        if (!Naming.IsValidFunctionName(definition.Name))
            return new(path, null, null, $"'{definition.Name}' is not a valid agent name; use letters, digits, underscores and hyphens.");
        if (loaded.FirstOrDefault(a => string.Equals(a.Name, definition.Name, StringComparison.OrdinalIgnoreCase)) is { } twin)
            return new(path, null, null, $"Another agent is already named '{definition.Name}' (in {twin.Definition.SourcePath}); rename one of them.");
        if (definition.InputVariables.Any(v => string.Equals(v.Name, AgentFunction.SessionParameter, StringComparison.OrdinalIgnoreCase)))
            return new(path, null, null, $"'{AgentFunction.SessionParameter}' is reserved for continuing conversations; rename that input variable.");

        foreach (var template in new[] { agent.InstructionsTemplate, agent.MessageTemplate })
        {
            if (CheckTemplate(template, path, plugins) is { } problem)
                return problem;
        }

        for (var i = 0; i < definition.Tools.Count; i++)
        {
            var entry = definition.Tools[i];
            if (!ToolNaming.Assign(plugins).Any(t => AgentFunction.Matches(entry, t)))
            {
                var loadedNames = string.Join(", ", plugins.Select(p => p.Name));
                return new(path, file.ToolLines[i], null,
                    $"The tool '{entry}' matches no loaded function (plugins: {loadedNames}). Check the plugin and function names.");
            }
        }
        return null;
    }

    private static PromptFileError? CheckTemplate(PromptFunction function, string path, IReadOnlyList<AIPlugin> plugins)
    {
        var handlebars = function.Definition.TemplateFormat == PromptTemplateFormats.Handlebars;
        if (function.Definition.InputVariablesDeclared)
        {
            foreach (var variable in function.Template.Variables)
            {
                if (!function.InputVariables.Any(v => string.Equals(v.Name, variable.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    var usage = handlebars ? $"{{{{{variable.Name}}}}}" : $"{{{{${variable.Name}}}}}";
                    return new(path, variable.Line, null,
                        $"The template uses {usage} but '{variable.Name}' is not in input_variables (declared: {string.Join(", ", function.InputVariables.Select(v => v.Name))}). Declare it or fix the name.");
                }
            }
        }
        foreach (var call in function.Template.Functions)
        {
            var written = handlebars ? $"{call.PluginName}-{call.FunctionName}" : call.DisplayName;
            if (!FunctionResolver.TryResolve(plugins, AgentPluginSource.PluginName, call.PluginName, call.FunctionName, out _, out var target))
                return new(path, call.Line, null, $"The instructions call '{written}', but there is no such function. Check the plugin and function names.");
            if (call.PositionalCount > FunctionResolver.Parameters(target).Count)
                return new(path, call.Line, null, $"The instructions pass {call.PositionalCount} positional argument(s) to '{written}', which takes {FunctionResolver.Parameters(target).Count}.");
        }
        return null;
    }
}
