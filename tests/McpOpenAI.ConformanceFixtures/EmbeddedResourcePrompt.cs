using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Resources;
using Microsoft.Extensions.AI;

namespace McpOpenAI.ConformanceFixtures;

/// <summary>The prompt <c>test_prompt_with_embedded_resource</c>: the resource named by <c>resourceUri</c>, then a request to process it.</summary>
public sealed class EmbeddedResourcePrompt() : FixturePrompt("test_prompt_with_embedded_resource", "A prompt with an embedded resource.", "resourceUri")
{
    /// <inheritdoc />
    protected override IReadOnlyList<ChatMessage> Render(AIFunctionArguments arguments)
    {
        var uri = arguments.TryGetValue("resourceUri", out var value) && value?.ToString() is { Length: > 0 } given ? given : "test://example-resource";
        return
        [
            new(ChatRole.User, [new EmbeddedResourceContent(ResourceContent.FromText(uri, "text/plain", "Embedded resource content for testing."))]),
            new(ChatRole.User, "Please process the embedded resource above."),
        ];
    }
}
