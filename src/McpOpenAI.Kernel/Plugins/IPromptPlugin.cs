namespace McpOpenAI.Kernel.Plugins;

/// <summary>A plugin some of whose functions are also prompts (prompt files, or prompts made in code).</summary>
public interface IPromptPlugin
{
    /// <summary>The prompt behind a function of this plugin, if it is one.</summary>
    bool TryGetPrompt(string functionName, out PromptDescriptor prompt);
}
