using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpOpenAI.BareServer;

/// <summary>The same cheap work as McpOpenAI's text_stats, so per-call figures compare like with like.</summary>
[McpServerToolType]
public sealed class BareTools
{
    /// <summary>Counts the words of a text.</summary>
    [McpServerTool(Name = "text_stats"), Description("Counts the characters and words of a text.")]
    public static TextCounts TextStats([Description("The text to measure.")] string text) =>
        new(text.Length, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
}

/// <summary>What text_stats returns.</summary>
/// <param name="Characters">The number of characters.</param>
/// <param name="Words">The number of words.</param>
public sealed record TextCounts(int Characters, int Words);
