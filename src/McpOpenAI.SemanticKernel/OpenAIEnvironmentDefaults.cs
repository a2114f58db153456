using McpOpenAI.Kernel.Configuration;
using Microsoft.Extensions.Options;

namespace McpOpenAI.SemanticKernel;

/// <summary>
/// Fills the OpenAI settings that configuration does not set from the variables every OpenAI tool understands:
/// <c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>, <c>OPENAI_ORG_ID</c> (or <c>OPENAI_ORGANIZATION</c>) and
/// <c>OPENAI_PROJECT</c> (or <c>OPENAI_PROJECT_ID</c>). A setting configuration has, even an empty one, is kept, so an
/// app's own settings are never overridden.
/// </summary>
internal sealed class OpenAIEnvironmentDefaults : IPostConfigureOptions<OpenAIOptions>
{
    public void PostConfigure(string? name, OpenAIOptions options)
    {
        options.ApiKey ??= Variable("OPENAI_API_KEY");
        options.BaseUrl ??= Variable("OPENAI_BASE_URL");
        options.OrganizationId ??= Variable("OPENAI_ORG_ID") ?? Variable("OPENAI_ORGANIZATION");
        options.ProjectId ??= Variable("OPENAI_PROJECT") ?? Variable("OPENAI_PROJECT_ID");
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
