namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>Classifies model ids by capability. <c>/v1/models</c> does not say, so this reads OpenAI's naming.</summary>
public static class ModelCapabilities
{
    /// <summary>The capability of <paramref name="modelId"/>.</summary>
    public static ModelCapability Of(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var id = modelId.ToLowerInvariant();
        if (id.Contains("embedding", StringComparison.Ordinal)) return ModelCapability.Embedding;
        if (id.Contains("moderation", StringComparison.Ordinal)) return ModelCapability.Moderation;
        if (id.StartsWith("dall-e", StringComparison.Ordinal) || id.Contains("image", StringComparison.Ordinal)) return ModelCapability.Image;
        if (id.StartsWith("whisper", StringComparison.Ordinal) || id.StartsWith("tts", StringComparison.Ordinal)
            || id.Contains("audio", StringComparison.Ordinal) || id.Contains("realtime", StringComparison.Ordinal)
            || id.Contains("transcribe", StringComparison.Ordinal) || id.Contains("-tts", StringComparison.Ordinal))
            return ModelCapability.Audio;
        if (id.StartsWith("gpt-", StringComparison.Ordinal) || id.StartsWith("chatgpt", StringComparison.Ordinal)
            || id.StartsWith("ft:gpt-", StringComparison.Ordinal) || (id.Length > 1 && id[0] == 'o' && char.IsAsciiDigit(id[1])))
            return id.Contains("instruct", StringComparison.Ordinal) ? ModelCapability.Other : ModelCapability.Chat;
        return ModelCapability.Other;
    }
}
