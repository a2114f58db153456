namespace McpOpenAI.Kernel.Errors;

/// <summary>The stable error codes the kernel and plugins use.</summary>
public static class ErrorCodes
{
    public const string InvalidArgument = "invalid_argument";
    public const string NotConfigured = "not_configured";
    public const string NotFound = "not_found";
    public const string PermissionDenied = "permission_denied";
    public const string RateLimited = "rate_limited";
    public const string BudgetExceeded = "budget_exceeded";
    public const string ContentFlagged = "content_flagged";
    public const string InvalidApiKey = "invalid_api_key";
    public const string QuotaExceeded = "insufficient_quota";
    public const string ContentPolicy = "content_policy_violation";
    public const string ModelNotFound = "model_not_found";
    public const string OrganizationNotVerified = "organization_not_verified";
    public const string Overloaded = "overloaded";
    public const string Timeout = "timeout";
    public const string UpstreamError = "upstream_error";
    public const string PromptFile = "prompt_file_error";
    public const string StateUnavailable = "state_unavailable";
    public const string Internal = "internal_error";
}
