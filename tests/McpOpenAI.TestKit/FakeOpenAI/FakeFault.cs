namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>
/// A failure the fake injects into the next matching request. Each fault is consumed once, so
/// "fail, then succeed" is what a retrying client sees.
/// </summary>
public sealed record FakeFault
{
    /// <summary>What the fault does.</summary>
    public FakeFaultKind Kind { get; init; } = FakeFaultKind.Error;

    /// <summary>The HTTP status of an <see cref="FakeFaultKind.Error"/>.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>The envelope's <c>message</c>.</summary>
    public string Message { get; init; } = "The server had an error while processing your request. Sorry about that!";

    /// <summary>The envelope's <c>type</c>.</summary>
    public string? Type { get; init; } = "server_error";

    /// <summary>The envelope's <c>code</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The envelope's <c>param</c>.</summary>
    public string? Param { get; init; }

    /// <summary>Sent as the <c>retry-after</c> header (whole seconds, rounded up).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Sent as the <c>retry-after-ms</c> header.</summary>
    public TimeSpan? RetryAfterMs { get; init; }

    /// <summary>A wait before the fault (or, for <see cref="FakeFaultKind.Latency"/>, before the normal answer).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>For <see cref="FakeFaultKind.BrokenStream"/>: how many SSE events go out before the connection drops.</summary>
    public int EventsBeforeBreak { get; init; } = 2;

    /// <summary>For <see cref="FakeFaultKind.SlowStream"/>: the SSE event (its <c>event:</c> name) after which the stream pauses.</summary>
    public string? PauseAfterEvent { get; init; }

    /// <summary>429 <c>rate_limit_exceeded</c>, optionally with <c>retry-after-ms</c>.</summary>
    public static FakeFault RateLimited(TimeSpan? retryAfter = null) => new()
    {
        StatusCode = 429,
        Type = "requests",
        Code = "rate_limit_exceeded",
        Message = "Rate limit reached for gpt-4.1-mini in organization org-test on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20ms.",
        RetryAfterMs = retryAfter,
    };

    /// <summary>429 <c>insufficient_quota</c>.</summary>
    public static FakeFault InsufficientQuota() => new()
    {
        StatusCode = 429,
        Type = "insufficient_quota",
        Code = "insufficient_quota",
        Message = "You exceeded your current quota, please check your plan and billing details.",
    };

    /// <summary>400 <c>content_policy_violation</c> (the images API's safety system).</summary>
    public static FakeFault ContentPolicy() => new()
    {
        StatusCode = 400,
        Type = "invalid_request_error",
        Code = "content_policy_violation",
        Message = "Your request was rejected as a result of our safety system.",
    };

    /// <summary>400 <c>moderation_blocked</c> (gpt-image's moderation).</summary>
    public static FakeFault ModerationBlocked() => new()
    {
        StatusCode = 400,
        Type = "image_generation_user_error",
        Code = "moderation_blocked",
        Message = "Your request was rejected by the safety system.",
    };

    /// <summary>403: the organization must be verified to use the model.</summary>
    public static FakeFault OrganizationNotVerified(string model = "gpt-image-1") => new()
    {
        StatusCode = 403,
        Type = "invalid_request_error",
        Message = $"Your organization must be verified to use the model `{model}`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization.",
    };

    /// <summary>404 <c>model_not_found</c>.</summary>
    public static FakeFault ModelNotFound(string model = "gpt-unknown") => new()
    {
        StatusCode = 404,
        Type = "invalid_request_error",
        Code = "model_not_found",
        Param = "model",
        Message = $"The model `{model}` does not exist or you do not have access to it.",
    };

    /// <summary>500 <c>server_error</c>, optionally with <c>retry-after-ms</c>.</summary>
    public static FakeFault ServerError(TimeSpan? retryAfter = null) => new() { RetryAfterMs = retryAfter };

    /// <summary>503: the engine is overloaded.</summary>
    public static FakeFault Overloaded(TimeSpan? retryAfter = null) => new()
    {
        StatusCode = 503,
        Message = "The engine is currently overloaded, please try again later.",
        RetryAfterMs = retryAfter,
    };

    /// <summary>An added wait before the normal answer.</summary>
    public static FakeFault Latency(TimeSpan delay) => new() { Kind = FakeFaultKind.Latency, Delay = delay };

    /// <summary>Drops the connection after <paramref name="eventsBeforeBreak"/> SSE events.</summary>
    public static FakeFault BrokenStream(int eventsBeforeBreak = 2) => new() { Kind = FakeFaultKind.BrokenStream, EventsBeforeBreak = eventsBeforeBreak };

    /// <summary>
    /// Streams the answer but pauses for <paramref name="pause"/> after the first event named <paramref name="afterEvent"/>
    /// (say <c>response.image_generation_call.partial_image</c>): a render that shows a partial image, then takes its time.
    /// </summary>
    public static FakeFault SlowStream(string afterEvent, TimeSpan pause) => new() { Kind = FakeFaultKind.SlowStream, PauseAfterEvent = afterEvent, Delay = pause };

    /// <summary>Never answers; the request ends only when the client cancels.</summary>
    public static FakeFault Hang() => new() { Kind = FakeFaultKind.Hang };
}
