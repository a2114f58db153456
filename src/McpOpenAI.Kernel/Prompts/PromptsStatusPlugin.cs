using System.ComponentModel;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// Shows which prompt files loaded and which are broken, so a user can find a typo from their MCP client.
/// Register with <c>PluginFactory.Create(new PromptsStatusPlugin(source), "Prompts")</c>.
/// </summary>
[Description("The prompt files (prompts/ folder) this server loaded, and any that failed to load.")]
public sealed class PromptsStatusPlugin
{
    private readonly IPromptFileSource _source;
    private readonly IPromptFileSource[] _more;

    /// <summary>Creates the plugin over a prompt source and, optionally, other file sources (agent files).</summary>
    public PromptsStatusPlugin(IPromptFileSource source, params IPromptFileSource[] more)
    {
        _source = source;
        _more = more;
    }

    /// <summary>The loaded prompt functions and the current errors.</summary>
    [KernelFunction("prompt_status")]
    [Description("Lists the prompt functions and agents loaded from the prompts folder (plugin, function, file) and every prompt or agent file that failed to load (file, line, column, message). Use it when a prompt tool is missing or behaves oddly.")]
    [FunctionTraits(ReadOnly = true, Idempotent = true, Title = "Prompt files status")]
    public PromptStatusReport PromptStatus() => new(
        _source.RootPath,
        [.. _source.Loaded, .. _more.SelectMany(s => s.Loaded)],
        [.. _source.Errors, .. _more.SelectMany(s => s.Errors)]);
}
