using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.ConformanceFixtures;

/// <summary>The fixtures a plugin class cannot express: a hand-written input schema and prompts with an image and a resource.</summary>
public sealed class ConformanceExtras : IPluginProvider
{
    /// <inheritdoc />
    public AIPlugin CreatePlugin(IServiceProvider services) =>
        new("ConformanceExtras", "Conformance fixtures made as ready-made functions.",
            [new JsonSchema2020Tool(), new ImagePrompt(), new EmbeddedResourcePrompt()], typeof(ConformanceExtras).FullName);
}
