namespace McpOpenAI.Plugins.Research.Results;

/// <summary>The state of the corpus index after the latest refresh.</summary>
/// <param name="CorpusPath">The corpus folder.</param>
/// <param name="Documents">How many documents are indexed.</param>
/// <param name="Added">Files indexed for the first time by this refresh.</param>
/// <param name="Changed">Files re-indexed because their content changed.</param>
/// <param name="Removed">Documents dropped because their file is gone.</param>
public sealed record IndexSummary(string CorpusPath, int Documents, int Added, int Changed, int Removed);
