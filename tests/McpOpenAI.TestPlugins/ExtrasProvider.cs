using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.TestPlugins;

/// <summary>A plugin of ready-made functions, found by the server's plugin-assembly loader: a hand-written schema, a rich prompt, a form.</summary>
public sealed class ExtrasProvider : IPluginProvider
{
    /// <inheritdoc />
    public KernelPlugin CreatePlugin(IServiceProvider services) =>
        new PromptPlugin("Extras", "Ready-made test functions.",
        [
            (KernelFunctions.FromAIFunction(new HandWrittenSchemaFunction()), null),
            (KernelFunctions.FromAIFunction(new RichPromptFunction()), RichPromptFunction.Prompt),
            (KernelFunctions.FromAIFunction(new AskUserFunction()), null),
        ], typeof(ExtrasProvider).FullName);
}
