namespace McpOpenAI.Plugins.Research.Results;

/// <summary>A heading of a document, for navigating it.</summary>
/// <param name="Heading">The heading text.</param>
/// <param name="Level">1 for a top heading, 2 below it, and so on.</param>
/// <param name="Anchor">Its slug, accepted by <c>read_document</c>'s <c>section</c>.</param>
public sealed record SectionInfo(string Heading, int Level, string Anchor);
