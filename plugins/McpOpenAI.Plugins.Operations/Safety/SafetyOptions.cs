namespace McpOpenAI.Plugins.Operations.Safety;

/// <summary>The moderation pre-check (<c>Safety</c> section).</summary>
public sealed class SafetyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Safety";

    /// <summary>
    /// When true (default false), the user text of every chat, Responses and image request first passes the moderation
    /// model (free); a flagged prompt is refused with its categories before the paid request is made.
    /// </summary>
    public bool PrecheckPrompts { get; set; }
}
