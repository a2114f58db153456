using Microsoft.Extensions.AI;

namespace McpOpenAI.ConformanceFixtures;

/// <summary>The prompt <c>test_prompt_with_image</c>: an image, then a request to analyse it.</summary>
public sealed class ImagePrompt() : FixturePrompt("test_prompt_with_image", "A prompt with an image.")
{
    /// <inheritdoc />
    protected override IReadOnlyList<ChatMessage> Render(AIFunctionArguments arguments) =>
    [
        new(ChatRole.User, [new DataContent(Convert.FromBase64String(ConformancePlugin.PngBase64), "image/png")]),
        new(ChatRole.User, "Please analyze the image above."),
    ];
}
