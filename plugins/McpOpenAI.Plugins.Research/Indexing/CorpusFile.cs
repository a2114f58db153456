namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>A file of the corpus as found on disk.</summary>
/// <param name="RelativePath">The path inside the corpus, with <c>/</c> separators.</param>
/// <param name="FullPath">The full path on disk.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="ModifiedTicks">The last write time (UTC ticks).</param>
public sealed record CorpusFile(string RelativePath, string FullPath, long Size, long ModifiedTicks);
