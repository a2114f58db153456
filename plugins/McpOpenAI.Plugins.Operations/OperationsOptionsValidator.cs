using McpOpenAI.Plugins.Operations.Budget;
using McpOpenAI.Plugins.Operations.Caching;
using McpOpenAI.Plugins.Operations.Limits;
using McpOpenAI.Plugins.Operations.Usage;
using Microsoft.Extensions.Options;

namespace McpOpenAI.Plugins.Operations;

/// <summary>
/// Checks the cache, limit, budget and price settings at start (with <c>ValidateOnStart</c>), with messages that name the
/// setting and say what it must be.
/// </summary>
public sealed class OperationsOptionsValidator :
    IValidateOptions<CacheOptions>, IValidateOptions<RateLimitOptions>, IValidateOptions<BudgetOptions>, IValidateOptions<PricingOptions>
{
    private static readonly string[] OpenAIModelFamilies =
        ["gpt-", "chatgpt-", "o1", "o3", "o4", "dall-e-", "text-embedding-", "omni-moderation-", "text-moderation-", "whisper-", "tts-", "computer-use-", "codex-"];

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Ttl <= TimeSpan.Zero)
            failures.Add($"Cache:Ttl must be a positive time span such as 01:00:00 (to turn the cache off, set Cache:Enabled to false); got {options.Ttl}.");
        if (options.SizeLimit <= 0)
            failures.Add($"Cache:SizeLimit must be a positive number of bytes, e.g. 67108864 (64 MiB); got {options.SizeLimit}.");
        return Result(failures);
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxWaitSeconds < 0 || double.IsNaN(options.MaxWaitSeconds))
            failures.Add($"OpenAI:Limits:MaxWaitSeconds must be 0 or more seconds; got {options.MaxWaitSeconds}.");
        if (options.MaxQueue < 0)
            failures.Add($"OpenAI:Limits:MaxQueue must be 0 or more; got {options.MaxQueue}.");
        foreach (var (model, limit) in options.Models)
        {
            if (limit.RequestsPerMinute is <= 0)
                failures.Add($"OpenAI:Limits:{model}:RequestsPerMinute must be a positive number (leave it out for no limit); got {limit.RequestsPerMinute}.");
            if (limit.TokensPerMinute is <= 0)
                failures.Add($"OpenAI:Limits:{model}:TokensPerMinute must be a positive number (leave it out for no limit); got {limit.TokensPerMinute}.");
            if (limit.RequestsPerMinute is null && limit.TokensPerMinute is null)
                failures.Add($"OpenAI:Limits:{model} sets neither RequestsPerMinute nor TokensPerMinute (a typo in the key?).");
        }
        return Result(failures);
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, "Budget", options);
        foreach (var (token, caps) in options.Tokens)
            Check(failures, $"Budget:Tokens:{token}", caps);
        return Result(failures);
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PricingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (model, price) in options.Models)
        {
            var setting = $"Pricing:Models:{model}";
            if (!price.Custom && !OpenAIModelFamilies.Any(f => model.StartsWith(f, StringComparison.OrdinalIgnoreCase)))
                failures.Add($"{setting}: '{model}' is not an OpenAI model (check the spelling); for an OpenAI-compatible endpoint's own model add {setting}:Custom = true.");
            foreach (var (field, value) in new[] { ("Input", price.Input), ("CachedInput", price.CachedInput), ("ImageInput", price.ImageInput), ("Output", price.Output) })
            {
                if (value is < 0)
                    failures.Add($"{setting}:{field} must be 0 or more US dollars per million tokens; got {value}.");
            }
            foreach (var (quality, sizes) in price.Images)
            {
                foreach (var (size, each) in sizes.Where(s => s.Value < 0))
                    failures.Add($"{setting}:Images:{quality}:{size} must be 0 or more US dollars per image; got {each}.");
            }
            if (!price.Free && price.Input is null && price.Output is null && price.Images.Count == 0)
                failures.Add($"{setting} has no price: set Input and Output (per million tokens), Images, or Free = true.");
        }
        return Result(failures);
    }

    private static void Check(List<string> failures, string section, BudgetCaps caps)
    {
        if (caps.DailyUsd is < 0)
            failures.Add($"{section}:DailyUsd must be 0 or more US dollars (leave it out for no cap); got {caps.DailyUsd}.");
        if (caps.MonthlyUsd is < 0)
            failures.Add($"{section}:MonthlyUsd must be 0 or more US dollars (leave it out for no cap); got {caps.MonthlyUsd}.");
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
