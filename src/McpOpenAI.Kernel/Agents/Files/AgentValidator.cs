using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Agents.Files;

/// <summary>Checks an agent against the functions that exist: its name, its templates' variables and calls, and its tools.</summary>
internal static class AgentValidator
{
    public static PromptFileError? FindProblem(AgentFunction agent, ParsedAgentFile file, IReadOnlyList<KernelPlugin> plugins, IEnumerable<AgentFunction> loaded,
        IExternalPlugins? external)
    {
        var path = file.Definition.SourcePath ?? string.Empty;
        var definition = agent.Definition;
        if (!Naming.IsValidFunctionName(definition.Name))
            return new(path, null, null, $"'{definition.Name}' is not a valid agent name; use letters, digits, underscores and hyphens.");
        if (loaded.FirstOrDefault(a => string.Equals(a.Name, definition.Name, StringComparison.OrdinalIgnoreCase)) is { } twin)
            return new(path, null, null, $"Another agent is already named '{definition.Name}' (in {twin.Definition.SourcePath}); rename one of them.");
        if (agent.InputVariables.Any(v => string.Equals(v.Name, AgentFunction.SessionParameter, StringComparison.OrdinalIgnoreCase)))
            return new(path, null, null, $"'{AgentFunction.SessionParameter}' is reserved for continuing conversations; rename that input variable.");

        foreach (var template in new[] { agent.Instructions, agent.Message })
        {
            if (CheckTemplate(agent, template, path, plugins) is { } problem)
                return problem;
        }

        var tools = ToolNaming.Assign(plugins);
        for (var i = 0; i < definition.Tools.Count; i++)
        {
            var entry = definition.Tools[i];
            if (!tools.Any(t => AgentFunction.Matches(entry, t)) && external?.StatusOf(entry.Split('.')[0]) is null)
            {
                return new(path, file.ToolLines[i], null,
                    $"The tool '{entry}' matches no loaded function (plugins: {string.Join(", ", plugins.Select(p => p.Name))}). Check the plugin and function names.");
            }
        }
        return null;
    }

    private static PromptFileError? CheckTemplate(AgentFunction agent, AgentTemplate template, string path, IReadOnlyList<KernelPlugin> plugins)
    {
        var handlebars = agent.Definition.TemplateFormat == AgentDefinition.HandlebarsFormat;
        // Handlebars blocks bring their own names ({{#each items}}{{name}}{{/each}}), so only Semantic Kernel's {{$var}} is checked.
        if (agent.Definition.InputVariables.Count > 0 && !handlebars)
        {
            foreach (var variable in template.References.Variables)
            {
                if (!agent.InputVariables.Any(v => string.Equals(v.Name, variable.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    return new(path, template.LineOffset + variable.Line, null,
                        $"The template uses {variable.Written} but '{variable.Name}' is not in input_variables (declared: {string.Join(", ", agent.InputVariables.Select(v => v.Name))}). Declare it or fix the name.");
                }
            }
        }
        foreach (var call in template.References.Functions)
        {
            var separator = call.Name.IndexOf(handlebars ? '-' : '.', StringComparison.Ordinal);
            var found = separator < 0
                ? plugins.Any(p => p.TryGetFunction(call.Name, out _))
                : plugins.Any(p => string.Equals(p.Name, call.Name[..separator], StringComparison.OrdinalIgnoreCase) && p.TryGetFunction(call.Name[(separator + 1)..], out _));
            if (!found)
                return new(path, template.LineOffset + call.Line, null, $"The instructions call '{call.Written}', but there is no such function. Check the plugin and function names.");
        }
        return null;
    }
}
