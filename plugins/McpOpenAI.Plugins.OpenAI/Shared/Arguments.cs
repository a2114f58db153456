using System.Globalization;
using System.Text.RegularExpressions;
using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>Checks shared by the plugin's functions; each failure names the argument, what is allowed and an example.</summary>
public static partial class Arguments
{
    /// <summary>The model to use: <paramref name="model"/> when given (checked), else <paramref name="fallback"/>.</summary>
    public static string Model(string? model, string fallback, string argument = "model")
    {
        if (model is null) return fallback;
        var trimmed = model.Trim();
        if (trimmed.Length == 0) return fallback;
        if (!ModelPattern().IsMatch(trimmed))
            throw FunctionException.InvalidArgument(argument, $"'{Shorten(trimmed)}' is not a model id.", "letters, digits and . _ - : / (at most 128 characters)", fallback);
        return trimmed;
    }

    /// <summary>Checks that an optional number lies in [min, max].</summary>
    public static void Range(double? value, double min, double max, string argument, string example)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
            throw FunctionException.InvalidArgument(argument, $"{v.ToString(CultureInfo.InvariantCulture)} is out of range.", $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}", example);
    }

    /// <summary>Checks that an optional whole number lies in [min, max].</summary>
    public static void Range(long? value, long min, long max, string argument, string example)
    {
        if (value is { } v && (v < min || v > max))
            throw FunctionException.InvalidArgument(argument, $"{v.ToString(CultureInfo.InvariantCulture)} is out of range.", $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}", example);
    }

    /// <summary>The lower-case value when it is one of <paramref name="allowed"/> (null when not given).</summary>
    public static string? OneOf(string? value, string argument, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var normalized = value.Trim().ToLowerInvariant();
        if (!allowed.Contains(normalized, StringComparer.Ordinal))
            throw FunctionException.InvalidArgument(argument, $"'{Shorten(value)}' is not a valid value.", string.Join(", ", allowed), allowed[0]);
        return normalized;
    }

    /// <summary>Shortens text quoted in a message.</summary>
    public static string Shorten(string text, int max = 60) => text.Length <= max ? text : text[..max] + "…";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,127}$")]
    private static partial Regex ModelPattern();
}
