using System.Globalization;

namespace McpOpenAI.Server.Jobs;

/// <summary>Time spans as people write them in a sentence.</summary>
internal static class Durations
{
    /// <summary>"1 day", "6 hours", "90 minutes"; other spans as <c>d.hh:mm:ss</c>.</summary>
    public static string Words(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerDay == 0 && span.Ticks > 0 ? Count((long)span.TotalDays, "day")
        : span.Ticks % TimeSpan.TicksPerHour == 0 && span.Ticks > 0 ? Count((long)span.TotalHours, "hour")
        : span.Ticks % TimeSpan.TicksPerMinute == 0 && span.Ticks > 0 ? Count((long)span.TotalMinutes, "minute")
        : span.ToString("c", CultureInfo.InvariantCulture);

    private static string Count(long n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? "" : "s");
}
