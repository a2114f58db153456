using McpOpenAI.Plugins.OpenAI.Shared;

namespace McpOpenAI.Plugins.OpenAI.Tests.Shared;

public sealed class ModelCapabilitiesTests
{
    [Theory]
    [InlineData("gpt-4.1-mini", ModelCapability.Chat)]
    [InlineData("o3-mini", ModelCapability.Chat)]
    [InlineData("gpt-image-1", ModelCapability.Image)]
    [InlineData("dall-e-3", ModelCapability.Image)]
    [InlineData("text-embedding-3-small", ModelCapability.Embedding)]
    [InlineData("omni-moderation-latest", ModelCapability.Moderation)]
    [InlineData("whisper-1", ModelCapability.Audio)]
    [InlineData("gpt-4o-mini-tts", ModelCapability.Audio)]
    [InlineData("gpt-3.5-turbo-instruct", ModelCapability.Other)]
    [InlineData("babbage-002", ModelCapability.Other)]
    public void Of_ModelId_Capability(string id, ModelCapability expected) => Assert.Equal(expected, ModelCapabilities.Of(id));
}
