using System.ComponentModel;
using System.Text.Json;

namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>What <c>chat</c> and <c>analyze_image</c> return.</summary>
/// <param name="Text">The whole answer.</param>
/// <param name="Model">The model that answered.</param>
/// <param name="FinishReason">Why it stopped: stop, length, content_filter.</param>
/// <param name="Usage">Tokens used.</param>
/// <param name="Data">The answer parsed as JSON, when a JSON response format was asked for.</param>
/// <param name="Note">Something the caller should know (cut off at max_tokens, not valid JSON).</param>
public sealed record ChatResult(
    [property: Description("The whole answer.")] string Text,
    [property: Description("The model that answered.")] string Model,
    [property: Description("Why the answer ended: stop, length (max_tokens reached), content_filter.")] string? FinishReason,
    [property: Description("Tokens used.")] ChatUsage? Usage,
    [property: Description("The answer parsed as JSON, when response_format asked for JSON (structured output).")] JsonElement? Data = null,
    [property: Description("Something to know about the answer, e.g. that it was cut off.")] string? Note = null);
