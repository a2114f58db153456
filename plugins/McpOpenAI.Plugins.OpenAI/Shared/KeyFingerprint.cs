namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>Shows which API key is in use without showing the key: <c>sk-…abcd</c>.</summary>
public static class KeyFingerprint
{
    /// <summary>The fingerprint of <paramref name="key"/>; null when there is no key.</summary>
    public static string? Of(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        var trimmed = key.Trim();
        // A short key would be half revealed by its last four characters.
        if (trimmed.Length < 16) return "(set, too short to fingerprint)";
        var prefix = trimmed.StartsWith("sk-", StringComparison.Ordinal) ? "sk-" : "";
        return $"{prefix}…{trimmed[^4..]}";
    }
}
