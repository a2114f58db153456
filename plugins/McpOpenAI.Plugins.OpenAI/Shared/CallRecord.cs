using System.ComponentModel;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>One OpenAI call as <see cref="CallLog"/> remembers it.</summary>
/// <param name="Operation">The function that made it, e.g. <c>chat</c>.</param>
/// <param name="Model">The model asked for, when there was one.</param>
/// <param name="At">When it ended.</param>
/// <param name="Code">The error code of a failure.</param>
/// <param name="Message">The error message of a failure.</param>
public sealed record CallRecord(
    [property: Description("The function that made the call, e.g. chat.")] string Operation,
    [property: Description("The model asked for.")] string? Model,
    [property: Description("When the call ended (UTC).")] DateTimeOffset At,
    [property: Description("The error code of a failure.")] string? Code = null,
    [property: Description("The error message of a failure.")] string? Message = null);
