using System.Text;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Keeps file names to a safe alphabet and paths inside their folder.</summary>
internal static class SafeName
{
    /// <summary>Letters, digits, '-' and '_' only; anything else becomes '-'; at most 60 characters; never empty.</summary>
    public static string Sanitize(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 60));
        foreach (var c in value)
        {
            if (builder.Length == 60) break;
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' ? c : '-');
        }
        var result = builder.ToString().Trim('-');
        return result.Length == 0 ? "x" : result;
    }

    /// <summary>The full path of <paramref name="name"/> in <paramref name="folder"/>; throws when it would land elsewhere.</summary>
    public static string Inside(string folder, string name)
    {
        var full = Path.GetFullPath(Path.Combine(folder, name));
        if (!IsInside(folder, full) || Path.GetFileName(full) != name)
            throw new InvalidOperationException($"Refusing to write outside the output folder: {name}");
        return full;
    }

    public static bool IsInside(string folder, string fullPath)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
            && Path.GetDirectoryName(fullPath)!.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar == root;
    }
}
