namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>One step of an <see cref="ImageThread"/>.</summary>
/// <param name="Step">Its number, from 1.</param>
/// <param name="Parent">The step it continued (branching), or null for the first.</param>
/// <param name="Prompt">The prompt.</param>
/// <param name="ResponseId">The Responses API response id (what <c>previous_response_id</c> continues).</param>
/// <param name="ImageCallId">OpenAI's image generation call id.</param>
/// <param name="ImageId">Our id of the saved image.</param>
/// <param name="File">The saved image's file name.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record ImageThreadStep(int Step, int? Parent, string Prompt, string ResponseId, string? ImageCallId, string ImageId, string File, DateTimeOffset CreatedAt);
