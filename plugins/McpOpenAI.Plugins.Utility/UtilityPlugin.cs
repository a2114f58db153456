using System.ComponentModel;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Plugins.Utility;

/// <summary>Small, dependable helpers for people, agents and prompt templates.</summary>
[Description("Small, dependable helpers: the current time in any time zone and text statistics.")]
public sealed class UtilityPlugin
{
    private readonly TimeProvider _time;

    /// <summary>Creates the plugin; <paramref name="time"/> defaults to the system clock.</summary>
    public UtilityPlugin(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>The current date and time in a time zone.</summary>
    [KernelFunction("get_current_time")]
    [Description("Gets the current date and time, in UTC and in the given IANA time zone.")]
    [FunctionTraits(Title = "Current time", ReadOnly = true, Idempotent = false, OpenWorld = false)]
    public CurrentTime GetCurrentTime(
        [Description("IANA time zone such as 'Europe/Paris' or 'America/New_York'; UTC when omitted.")] string? timeZone = null)
    {
        var now = _time.GetUtcNow();
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrWhiteSpace(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out zone!))
        {
            throw FunctionException.InvalidArgument("time_zone", $"'{timeZone}' is not a known time zone.",
                "IANA names such as UTC, Europe/Paris, America/New_York, Asia/Tokyo", "Europe/Paris");
        }
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return new CurrentTime(now.ToString("O"), local.ToString("O"), zone.Id, local.DayOfWeek.ToString());
    }

    /// <summary>Counts characters, words, lines and sentences, and estimates tokens.</summary>
    [KernelFunction("text_stats")]
    [Description("Counts the characters, words, lines and sentences of a text and estimates its token count.")]
    [FunctionTraits(Title = "Text statistics", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public TextStatistics TextStats([Description("The text to measure.")] string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var lines = text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
        var sentences = text.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
            .Count(s => s.Any(char.IsLetterOrDigit));
        // OpenAI's rule of thumb for English: about four characters per token.
        var tokens = (int)Math.Ceiling(text.Length / 4.0);
        return new TextStatistics(text.Length, words, lines, sentences, tokens);
    }
}

/// <summary>The current time.</summary>
public sealed record CurrentTime(
    [property: Description("Now in UTC, ISO 8601.")] string Utc,
    [property: Description("Now in the requested time zone, ISO 8601 with offset.")] string Local,
    [property: Description("The time zone used.")] string TimeZone,
    [property: Description("The local day of the week.")] string DayOfWeek);

/// <summary>Statistics of a text.</summary>
public sealed record TextStatistics(
    [property: Description("Number of UTF-16 characters.")] int Characters,
    [property: Description("Number of whitespace-separated words.")] int Words,
    [property: Description("Number of lines.")] int Lines,
    [property: Description("Number of sentences.")] int Sentences,
    [property: Description("Estimated number of tokens (about four characters each).")] int EstimatedTokens);
