namespace McpOpenAI.Plugins.Research;

/// <summary>Finds the document corpus: the configured folder, else the sample corpus shipped with the program.</summary>
public static class CorpusLocator
{
    /// <summary>The folder name of the shipped sample corpus beside the program.</summary>
    public const string ShippedFolderName = "corpus";

    private static readonly string RepositoryRelativePath = Path.Combine("plugins", "McpOpenAI.Plugins.Research", "Corpus");

    /// <summary>The full path of the corpus to use for <paramref name="configuredPath"/> (null or blank means the sample).</summary>
    public static string Resolve(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
            return Path.GetFullPath(Environment.ExpandEnvironmentVariables(configuredPath.Trim()));
        return ShippedCorpusPath();
    }

    /// <summary>
    /// The shipped sample corpus: <c>corpus/</c> beside the program, else the repository's
    /// <c>plugins/McpOpenAI.Plugins.Research/Corpus</c> found by walking up from the program or the working folder.
    /// </summary>
    public static string ShippedCorpusPath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, ShippedFolderName);
        if (Directory.Exists(beside))
            return beside;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RepositoryRelativePath);
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        return beside;
    }
}
