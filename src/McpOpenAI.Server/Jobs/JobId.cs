using System.Security.Cryptography;
using System.Text.RegularExpressions;
using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Server.Jobs;

/// <summary>Job ids: <c>job_</c> and 24 lowercase hexadecimal digits (96 random bits, so an id cannot be guessed).</summary>
internal static partial class JobId
{
    /// <summary>The argument name the job tools take an id under.</summary>
    public const string Argument = "job";

    /// <summary>A new random id.</summary>
    public static string New() => "job_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The trimmed id, or a clear error when it is missing or not an id.</summary>
    public static string Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw FunctionException.InvalidArgument(Argument, "no job id was given.", "the id a long-running tool returned (job_ and 24 hex digits); see list_jobs", "job_0123456789abcdef01234567");
        var id = text.Trim();
        if (!Pattern().IsMatch(id))
            throw FunctionException.InvalidArgument(Argument, $"'{Shorten(id)}' is not a job id.", "job_ and 24 hex digits, as a long-running tool returned it; see list_jobs", "job_0123456789abcdef01234567");
        return id;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^job_[0-9a-f]{24}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
