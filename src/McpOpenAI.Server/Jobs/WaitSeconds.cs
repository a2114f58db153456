using System.Globalization;
using System.Text.Json;
using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Server.Jobs;

/// <summary>The <c>wait_seconds</c> argument of long-running tools and get_job.</summary>
internal static class WaitSeconds
{
    /// <summary>The argument's name.</summary>
    public const string Name = "wait_seconds";

    /// <summary>
    /// The longest wait one call may ask for: ten minutes. Many clients give up after 60 s, and a longer request only
    /// risks being cut by a proxy; a longer job is fetched with get_job again.
    /// </summary>
    public const int Maximum = 600;

    /// <summary>The argument's value, <paramref name="fallback"/> when it is absent, or a clear error when it is not 0 to <see cref="Maximum"/>.</summary>
    public static int Read(IDictionary<string, JsonElement>? arguments, int fallback)
    {
        if (arguments is null || !arguments.TryGetValue(Name, out var value) || value.ValueKind == JsonValueKind.Null)
            return fallback;
        var number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var n) => n,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            _ => double.NaN,
        };
        if (double.IsNaN(number) || double.IsInfinity(number) || number != Math.Floor(number))
            throw Invalid($"'{value.GetRawText()}' is not a whole number of seconds.");
        if (number < 0)
            throw Invalid($"{number} is negative; a wait cannot be.");
        if (number > Maximum)
            throw Invalid($"{number} seconds is longer than the {Maximum} s one call may wait; a longer job is fetched with get_job again.");
        return (int)number;
    }

    private static FunctionException Invalid(string problem) =>
        FunctionException.InvalidArgument(Name, problem, $"0 to {Maximum} (0 answers at once with a job id)", "30");
}
