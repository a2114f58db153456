using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.ConformanceFixtures;

/// <summary>The fixtures a plugin class cannot express: a hand-written input schema and prompts with an image and a resource.</summary>
public sealed class ConformanceExtras : IPluginProvider
{
    /// <inheritdoc />
    public KernelPlugin CreatePlugin(IServiceProvider services)
    {
        FixturePrompt[] prompts = [new ImagePrompt(), new EmbeddedResourcePrompt()];
        return new PromptPlugin("ConformanceExtras", "Conformance fixtures made as ready-made functions.",
            [
                (KernelFunctions.FromAIFunction(new JsonSchema2020Tool()), null),
                .. prompts.Select(p => (KernelFunctions.FromAIFunction(p), (PromptDescriptor?)p.Prompt)),
            ], typeof(ConformanceExtras).FullName);
    }
}
