using Microsoft.Extensions.Configuration;

namespace McpOpenAI.Plugins.Operations.Limits;

/// <summary>
/// Per-model rate limits (<c>OpenAI:Limits</c>): <c>OpenAI:Limits:&lt;model&gt;:RequestsPerMinute</c> and
/// <c>…:TokensPerMinute</c>, how long a call may wait its turn (<c>MaxWaitSeconds</c>) and how many may wait
/// (<c>MaxQueue</c>). OpenAI's <c>x-ratelimit-*</c> headers may lower a limit, never raise one.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "OpenAI:Limits";

    /// <summary>The longest a call waits for its turn before it is refused with <c>rate_limited</c> (default 60).</summary>
    public double MaxWaitSeconds { get; set; } = 60;

    /// <summary>How many calls may wait for one model at once (default 100); more are refused.</summary>
    public int MaxQueue { get; set; } = 100;

    /// <summary>The configured limits by model.</summary>
    public Dictionary<string, ModelLimit> Models { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the section; model names are the keys other than <c>MaxWaitSeconds</c> and <c>MaxQueue</c>.</summary>
    public void Read(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var child in section.GetChildren())
        {
            switch (child.Key)
            {
                case nameof(MaxWaitSeconds):
                    MaxWaitSeconds = child.Get<double>();
                    break;
                case nameof(MaxQueue):
                    MaxQueue = child.Get<int>();
                    break;
                default:
                    Models[child.Key] = new ModelLimit(child.GetValue<int?>(nameof(ModelLimit.RequestsPerMinute)), child.GetValue<int?>(nameof(ModelLimit.TokensPerMinute)));
                    break;
            }
        }
    }
}
