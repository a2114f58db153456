using System.Text.RegularExpressions;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Shared;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>Checks <c>configure</c>'s arguments. An empty string means "remove the saved value" (null in the map).</summary>
internal static partial class ConfigureArguments
{
    public static Dictionary<string, string?> Check(string? apiKey, string? organizationId, string? projectId, string? baseUrl,
        string? chatModel, string? visionModel, string? imageModel, string? embeddingModel, string? moderationModel)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (apiKey is not null) changes["ApiKey"] = Key(apiKey.Trim());
        if (organizationId is not null) changes["OrganizationId"] = Id(organizationId.Trim(), "organization_id", "org-AbC123");
        if (projectId is not null) changes["ProjectId"] = Id(projectId.Trim(), "project_id", "proj_AbC123");
        if (baseUrl is not null) changes["BaseUrl"] = Url(baseUrl.Trim());
        foreach (var (name, argument, value, example) in new[]
        {
            ("ChatModel", "chat_model", chatModel, "gpt-4.1-mini"), ("VisionModel", "vision_model", visionModel, "gpt-4.1-mini"),
            ("ImageModel", "image_model", imageModel, "gpt-image-1"), ("EmbeddingModel", "embedding_model", embeddingModel, "text-embedding-3-small"),
            ("ModerationModel", "moderation_model", moderationModel, "omni-moderation-latest"),
        })
        {
            if (value is not null) changes[name] = value.Trim().Length == 0 ? null : Arguments.Model(value, example, argument);
        }
        if (changes.Count == 0)
            throw FunctionException.InvalidArgument("api_key", "give at least one setting to change.",
                "api_key, organization_id, project_id, base_url, chat_model, vision_model, image_model, embedding_model, moderation_model", "gpt-4.1");
        return changes;
    }

    private static string? Key(string key)
    {
        if (key.Length == 0) return null;
        if (key.Any(char.IsWhiteSpace) || key.Length < 20 || key.Length > 512 || key.Contains('<') || key.Contains('>'))
            throw FunctionException.InvalidArgument("api_key", "this does not look like an API key (it should be one word of 20 to 512 characters, with no spaces or placeholders).",
                "a key from https://platform.openai.com/api-keys, e.g. sk-proj-…", "sk-proj-…");
        return key;
    }

    private static string? Id(string value, string argument, string example)
    {
        if (value.Length == 0) return null;
        if (!IdPattern().IsMatch(value))
            throw FunctionException.InvalidArgument(argument, $"'{Arguments.Shorten(value)}' is not a valid id.", "letters, digits, _ and - (at most 128)", example);
        return value;
    }

    private static string? Url(string value)
    {
        if (value.Length == 0) return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.Query))
            throw FunctionException.InvalidArgument("base_url", $"'{Arguments.Shorten(value)}' is not an absolute http(s) URL.", "the API root of OpenAI or a compatible server", "https://api.openai.com/v1");
        return value.TrimEnd('/');
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex IdPattern();
}
