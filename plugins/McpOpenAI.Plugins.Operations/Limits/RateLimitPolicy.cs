using System.ClientModel.Primitives;
using System.Globalization;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.Operations.Pipeline;

namespace McpOpenAI.Plugins.Operations.Limits;

/// <summary>
/// Holds each request to the limits of the models it names (a Responses image request also to its image model's), says
/// in the call's progress when it must wait, and feeds the answer's <c>x-ratelimit-*</c> headers back to the limiter.
/// </summary>
public sealed class RateLimitPolicy(ModelRateLimiter limiter) : OperationsPolicy
{
    /// <inheritdoc />
    protected override async ValueTask RunAsync(PipelineMessage message, Func<ValueTask> next)
    {
        var request = OpenAIRequest.Of(message);
        var progress = CallContext.Current?.Progress;
        foreach (var model in request.LimitedModels)
        {
            var tokens = model == request.Model ? request.EstimatedTokens() : 0;
            await limiter.AcquireAsync(model, tokens, wait => progress?.Report(new FunctionProgress(
                Message: $"waiting {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s for the {model} rate limit")), message.CancellationToken).ConfigureAwait(false);
        }
        await next().ConfigureAwait(false);
        if (request.Model is { } requested && message.Response is { } response)
            limiter.Observe(requested, RateLimitHeaders.From(response.Headers));
    }
}
