using System.ClientModel;
using System.Globalization;
using System.Text.RegularExpressions;
using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Kernel.OpenAI;

/// <summary>
/// Turns OpenAI SDK and transport failures into <see cref="FunctionException"/>s with a stable code, a clear message
/// and what to do next. Messages never carry the API key (nor the masked key fragment OpenAI echoes back).
/// </summary>
public static partial class OpenAIErrorMapper
{
    private const string KeysPage = "https://platform.openai.com/api-keys";

    /// <summary>The error for calling OpenAI with no API key configured.</summary>
    public static FunctionException MissingApiKey() => new(ErrorCodes.NotConfigured,
        "No OpenAI API key is configured.",
        ["Set the OPENAI_API_KEY environment variable or the OpenAI:ApiKey setting, then try again.", $"Create a key at {KeysPage}."]);

    /// <summary>
    /// Maps <paramref name="exception"/> to a <see cref="FunctionException"/>. A <see cref="FunctionException"/> is returned
    /// unchanged; an exception that is not an OpenAI or transport failure becomes <see cref="ErrorCodes.Internal"/>.
    /// </summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="apiKey">The key in use, scrubbed from any upstream text.</param>
    /// <param name="model">The model asked for, named in messages when known.</param>
    public static FunctionException Map(Exception exception, string? apiKey = null, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            FunctionException function => function,
            ClientResultException { Status: > 0 } result => FromStatus(OpenAIErrorInfo.From(result), exception, apiKey, model),
            _ when IsTimeout(exception) => Timeout(exception),
            _ when Find<HttpRequestException>(exception) is { } http => Unreachable(http, apiKey),
            _ when Find<IOException>(exception) is { } io => new FunctionException(ErrorCodes.UpstreamError,
                "The connection to OpenAI was interrupted: " + Scrub(io.Message, apiKey), ["Try again."], exception),
            ClientResultException other => new FunctionException(ErrorCodes.UpstreamError,
                "The request to OpenAI failed: " + Scrub(other.Message, apiKey), ["Try again in a moment."], exception),
            _ => new FunctionException(ErrorCodes.Internal, "Calling OpenAI failed unexpectedly: " + Scrub(exception.Message, apiKey), [], exception),
        };
    }

    /// <summary>True when the exception is a timeout rather than the caller's own cancellation.</summary>
    public static bool IsTimeout(Exception exception, CancellationToken callerToken = default) =>
        !callerToken.IsCancellationRequested
        && (Find<TimeoutException>(exception) is not null || Find<OperationCanceledException>(exception) is not null);

    /// <summary>Removes the key, and anything shaped like an OpenAI key, from text meant for users or logs.</summary>
    public static string Scrub(string text, string? apiKey = null)
    {
        if (!string.IsNullOrEmpty(apiKey)) text = text.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
        return KeyPattern().Replace(text, "[redacted]");
    }

    private static FunctionException FromStatus(OpenAIErrorInfo error, Exception inner, string? apiKey, string? model)
    {
        var upstream = Scrub(error.Message ?? "(no message)", apiKey);
        var modelName = model is null ? "the model" : $"'{model}'";
        var code = error.Code ?? error.Type;
        switch (error.Status)
        {
            case 401:
                return new FunctionException(ErrorCodes.InvalidApiKey, "OpenAI rejected the API key (401 Unauthorized).",
                    ["Check OPENAI_API_KEY (or OpenAI:ApiKey): it may be mistyped, revoked or for another project.", $"Create a new key at {KeysPage}."], inner);
            case 403 when upstream.Contains("verif", StringComparison.OrdinalIgnoreCase):
                return new FunctionException(ErrorCodes.OrganizationNotVerified,
                    $"Your OpenAI organization must be verified to use {modelName}.",
                    ["Verify the organization at https://platform.openai.com/settings/organization/general (it can take up to 15 minutes to apply).",
                     "Or use a model that needs no verification (e.g. dall-e-3 for images, gpt-4.1-mini for chat)."], inner);
            case 403:
                return new FunctionException(ErrorCodes.PermissionDenied, $"OpenAI refused the request (403): {upstream}",
                    ["Check that the key's project has access to this model and endpoint, and that your region is supported."], inner);
            case 429 when code == "insufficient_quota" || error.Type == "insufficient_quota":
                return new FunctionException(ErrorCodes.QuotaExceeded, "The OpenAI account has run out of quota (insufficient_quota).",
                    ["Add credit or raise the limit at https://platform.openai.com/settings/organization/billing.", "Or use a key from a project with quota left."], inner);
            case 429:
                var wait = error.RetryAfter is { } after ? $" Retry after {Seconds(after)}." : "";
                return new FunctionException(ErrorCodes.RateLimited, $"OpenAI's rate limit was reached.{wait}",
                    [error.RetryAfter is { } a ? $"Wait {Seconds(a)} and try again." : "Wait a little and try again.",
                     "Lower the request rate, or raise the limits at https://platform.openai.com/settings/organization/limits."], inner);
            case 400 when code is "content_policy_violation" or "moderation_blocked" || upstream.Contains("safety system", StringComparison.OrdinalIgnoreCase):
                return new FunctionException(ErrorCodes.ContentPolicy, "OpenAI's safety system rejected the request.",
                    ["Rephrase the prompt to avoid content the usage policies do not allow.", "See https://openai.com/policies/usage-policies."], inner);
            case 404 when code == "model_not_found" || upstream.Contains("does not exist", StringComparison.OrdinalIgnoreCase) && error.Param == "model":
                return new FunctionException(ErrorCodes.ModelNotFound, $"The model {modelName} does not exist or this key cannot use it.",
                    ["List the models this key can use (GET /v1/models, or the list_models tool).", "Check the model name in the settings."], inner);
            case 408 or 504:
                return Timeout(inner);
            case 503 or 529 or 502:
                return new FunctionException(ErrorCodes.Overloaded, $"OpenAI is overloaded or unavailable right now ({error.Status}).",
                    ["Try again in a minute.", "See https://status.openai.com."], inner);
            case >= 400 and < 500:
                return new FunctionException(ErrorCodes.InvalidArgument, $"OpenAI rejected the request ({error.Status}): {upstream}",
                    error.Param is null ? ["Check the arguments and try again."] : [$"Check the '{error.Param}' argument."], inner);
            default:
                return new FunctionException(ErrorCodes.UpstreamError, $"OpenAI returned an error ({error.Status}): {upstream}",
                    ["Try again in a moment.", "See https://status.openai.com if it keeps happening."], inner);
        }
    }

    private static FunctionException Timeout(Exception inner) => new(ErrorCodes.Timeout, "The request to OpenAI timed out.",
        ["Try again; large images and long answers can take a while.", "Raise OpenAI:RequestTimeout if this keeps happening."], inner);

    private static FunctionException Unreachable(HttpRequestException http, string? apiKey) => new(ErrorCodes.UpstreamError,
        "Could not reach OpenAI: " + Scrub(http.Message, apiKey),
        ["Check the network connection and OpenAI:BaseUrl (OPENAI_BASE_URL).", "See https://status.openai.com."], http);

    private static string Seconds(TimeSpan wait) =>
        wait < TimeSpan.FromSeconds(1)
            ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture)} ms"
            : $"{Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s";

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }
        return null;
    }

    [GeneratedRegex(@"sk-[A-Za-z0-9_\-\*]{6,}")]
    private static partial Regex KeyPattern();
}
