using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>A model the endpoint serves, from <c>GET /v1/models</c>.</summary>
/// <param name="Id">The model id.</param>
/// <param name="OwnedBy">Its owner (<c>openai</c>, <c>system</c>, an organization).</param>
/// <param name="Created">When it was created.</param>
public sealed record ServedModel(
    [property: Description("The model id to pass as 'model'.")] string Id,
    [property: Description("Who owns it (openai, system, your organization).")] string? OwnedBy,
    [property: Description("When it was created (UTC).")] DateTimeOffset? Created);
