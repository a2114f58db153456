namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>One content part of a chat message (<c>text</c>, <c>image_url</c>, …).</summary>
/// <param name="Type">The part type as sent, e.g. <c>text</c> or <c>image_url</c>.</param>
/// <param name="Text">The text of a text part.</param>
/// <param name="ImageUrl">The URL (http or data URI) of an image part.</param>
/// <param name="Detail">The image detail (<c>low</c>, <c>high</c>, <c>auto</c>), if sent.</param>
public sealed record FakeContentPart(string Type, string? Text = null, string? ImageUrl = null, string? Detail = null);
