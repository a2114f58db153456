using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.TestPlugins;

/// <summary>A plugin of ready-made functions, found by the server's plugin-assembly loader: a hand-written schema, a rich prompt, a form.</summary>
public sealed class ExtrasProvider : IPluginProvider
{
    /// <inheritdoc />
    public AIPlugin CreatePlugin(IServiceProvider services) =>
        new("Extras", "Ready-made test functions.", [new HandWrittenSchemaFunction(), new RichPromptFunction(), new AskUserFunction()], typeof(ExtrasProvider).FullName);
}
