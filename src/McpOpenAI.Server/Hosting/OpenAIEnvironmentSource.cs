using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Server.Hosting;

/// <summary>
/// Maps the environment variables every OpenAI tool understands (<c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>,
/// <c>OPENAI_ORG_ID</c>, <c>OPENAI_PROJECT</c>) onto the <c>OpenAI</c> configuration section.
/// </summary>
internal static class OpenAIEnvironmentSource
{
    /// <summary>Environment variable → configuration key.</summary>
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>
    {
        ["OPENAI_API_KEY"] = "OpenAI:ApiKey",
        ["OPENAI_BASE_URL"] = "OpenAI:BaseUrl",
        ["OPENAI_ORG_ID"] = "OpenAI:OrganizationId",
        ["OPENAI_ORGANIZATION"] = "OpenAI:OrganizationId",
        ["OPENAI_PROJECT"] = "OpenAI:ProjectId",
        ["OPENAI_PROJECT_ID"] = "OpenAI:ProjectId",
    };

    /// <summary>Adds the mapped variables that are set.</summary>
    public static IConfigurationBuilder AddOpenAIEnvironmentVariables(this IConfigurationBuilder builder)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (variable, key) in Map)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
                values[key] = value;
        }
        return builder.AddInMemoryCollection(values);
    }
}
