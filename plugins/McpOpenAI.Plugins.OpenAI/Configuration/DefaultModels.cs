using McpOpenAI.Kernel.Configuration;
using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>The configured default model of each use, in one place for <c>list_models</c> and <c>get_config_status</c>.</summary>
internal static class DefaultModels
{
    public static IReadOnlyDictionary<string, string> Of(OpenAIOptions options, IConfiguration configuration) => new Dictionary<string, string>
    {
        ["chat"] = options.ChatModel,
        ["vision"] = configuration["OpenAI:VisionModel"] is { Length: > 0 } vision ? vision : options.ChatModel,
        ["image"] = options.ImageModel,
        ["embedding"] = options.EmbeddingModel,
        ["moderation"] = options.ModerationModel,
    };
}
