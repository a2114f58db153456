using McpOpenAI.Plugins.Research.Parsing;

namespace McpOpenAI.Plugins.Research.Indexing;

/// <summary>
/// Lists the indexable files of a corpus folder, recursively: supported extensions only, no hidden files or folders,
/// nothing larger than the size limit, and no link that leads outside the corpus.
/// </summary>
public static class CorpusScanner
{
    /// <summary>The files of <paramref name="root"/>, ordered by relative path.</summary>
    public static IReadOnlyList<CorpusFile> Scan(string root, long maxFileBytes)
    {
        var files = new List<CorpusFile>();
        if (!Directory.Exists(root))
            return files;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (!DocumentParser.IsSupported(path) || relative.Split('/').Any(part => part.StartsWith('.')))
                continue;
            var info = new FileInfo(path);
            if (info.Length > maxFileBytes || !CorpusPaths.IsInside(root, ResolveLinks(info)))
                continue;
            files.Add(new CorpusFile(relative, info.FullName, info.Length, info.LastWriteTimeUtc.Ticks));
        }
        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.RelativePath, b.RelativePath));
        return files;
    }

    private static string ResolveLinks(FileInfo info)
    {
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        var directory = info.Directory?.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return target?.FullName ?? (directory is null ? info.FullName : Path.Combine(directory, info.Name));
    }
}
