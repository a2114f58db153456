namespace McpOpenAI.Plugins.Research.Parsing;

/// <summary>One section of a document: a heading (none for text before the first heading) and what follows it.</summary>
/// <param name="Heading">The heading text, or null for the untitled opening part.</param>
/// <param name="Level">The heading level (1 for <c>#</c> or <c>h1</c>); 0 for the untitled opening part.</param>
/// <param name="Anchor">A URL-style slug of the heading, unique in the document (e.g. <c>opened-items</c>).</param>
/// <param name="Text">Plain text of the section (markup removed), used for searching.</param>
/// <param name="Content">The section as the reader sees it: Markdown kept as written, HTML as plain text.</param>
public sealed record DocumentSection(string? Heading, int Level, string Anchor, string Text, string Content);
