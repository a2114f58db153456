namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Where a Responses API result joins: an existing thread (and the step it branches from), or a new one.</summary>
/// <param name="ThreadId">The thread, or null to start one.</param>
/// <param name="ParentStep">The step continued, or null.</param>
/// <param name="PreviousResponseId">The response id to continue, or null.</param>
internal sealed record ThreadTarget(string? ThreadId, int? ParentStep, string? PreviousResponseId);
