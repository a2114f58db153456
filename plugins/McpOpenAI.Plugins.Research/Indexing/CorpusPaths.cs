namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>Path checks that keep every read inside the corpus folder.</summary>
public static class CorpusPaths
{
    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> itself or below it (after resolving <c>..</c>).</summary>
    public static bool IsInside(string root, string path)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(path);
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return full.Equals(fullRoot, comparison) || full.StartsWith(fullRoot + Path.DirectorySeparatorChar, comparison);
    }

    /// <summary>
    /// The corpus-relative path (with <c>/</c>) for a path the caller gave, relative to the corpus or absolute;
    /// null when it points outside the corpus.
    /// </summary>
    public static string? ToRelative(string root, string path)
    {
        var trimmed = path.Trim().Replace('\\', '/');
        var full = Path.GetFullPath(Path.IsPathRooted(trimmed) ? trimmed : Path.Combine(root, trimmed));
        if (!IsInside(root, full))
            return null;
        return Path.GetRelativePath(Path.GetFullPath(root), full).Replace('\\', '/');
    }
}
