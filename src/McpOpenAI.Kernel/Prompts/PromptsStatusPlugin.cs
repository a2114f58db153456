using System.ComponentModel;
using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Kernel.Prompts;

/// <summary>
/// Shows which prompt files loaded and which are broken, so a user can find a typo from their MCP client.
/// Register with <c>AIPlugin.FromObject(new PromptsStatusPlugin(source), "Prompts")</c>.
/// </summary>
[Description("The prompt files (prompts/ folder) this server loaded, and any that failed to load.")]
public sealed class PromptsStatusPlugin
{
    private readonly PromptPluginSource _source;

    /// <summary>Creates the plugin over a prompt source.</summary>
    public PromptsStatusPlugin(PromptPluginSource source) => _source = source;

    /// <summary>The loaded prompt functions and the current errors.</summary>
    [Description("Lists the prompt functions loaded from the prompts folder (plugin, function, file) and every prompt file that failed to load (file, line, column, message). Use it when a prompt tool is missing or behaves oddly.")]
    [FunctionTraits(ReadOnly = true, Idempotent = true, Title = "Prompt files status")]
    public PromptStatusReport PromptStatus() => new(_source.RootPath, _source.Loaded, _source.Errors);
}
