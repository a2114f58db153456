using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;

namespace McpOpenAI.Plugins.OpenAI.Shared;

/// <summary>
/// Runs one OpenAI request for a plugin function: within the per-call time budget (<c>OpenAI:RequestTimeout</c>,
/// retries included — the SDK's retry policy handles 429/5xx/resets and honours <c>retry-after</c>), stopping at
/// once when the caller cancels, mapping failures to clear errors, and recording the outcome in the <see cref="CallLog"/>.
/// </summary>
public sealed class OpenAICall
{
    private readonly OpenAIClientFactory _factory;
    private readonly TimeProvider _time;

    /// <summary>Creates the runner.</summary>
    public OpenAICall(OpenAIClientFactory factory, TimeProvider? time = null)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Runs <paramref name="request"/>, giving it a token that ends at the deadline or on the caller's cancellation.</summary>
    /// <param name="operation">The function name, for the log and messages.</param>
    /// <param name="model">The model asked for, named in errors.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <exception cref="FunctionException">The request failed (mapped by kind), or no key is configured.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<T> RunAsync<T>(string operation, string? model, Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var budget = _factory.Options.RequestTimeout;
        if (budget > TimeSpan.Zero) deadline.CancelAfter(budget);
        try
        {
            var result = await request(deadline.Token).ConfigureAwait(false);
            CallLog.For(_factory).Succeeded(operation, model, _time.GetUtcNow());
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var error = await DescribeAsync(e, model, cancellationToken).ConfigureAwait(false);
            // Argument errors found before any request are the caller's, not a sign that the setup is broken.
            if (error.Code != ErrorCodes.InvalidArgument || e is not FunctionException)
                CallLog.For(_factory).Failed(operation, model, _time.GetUtcNow(), error.Code, error.Message);
            throw error;
        }
    }

    private async Task<FunctionException> DescribeAsync(Exception exception, string? model, CancellationToken cancellationToken)
    {
        var error = OpenAIErrorMapper.Map(exception, _factory.Options.ApiKey, model);
        if (error.Code == ErrorCodes.NotConfigured)
        {
            return new FunctionException(error.Code, error.Message,
                [.. error.Suggestions, "Or call the configure tool with api_key (environment variables are safer: a key typed into a chat stays in its transcript)."], exception);
        }
        if (error.Code == ErrorCodes.ModelNotFound && model is not null)
        {
            var served = await ModelCatalog.For(_factory, _time).TryGetAsync(cancellationToken).ConfigureAwait(false);
            if (served is { Count: > 0 })
            {
                var kind = ModelCapabilities.Of(model);
                var same = served.Where(m => ModelCapabilities.Of(m.Id) == kind).Select(m => m.Id).ToList();
                var list = same.Count > 0 ? same : served.Select(m => m.Id).ToList();
                var shown = string.Join(", ", list.Take(30)) + (list.Count > 30 ? $", … ({list.Count} in all)" : "");
                return new FunctionException(error.Code, $"The model '{model}' is not served by this endpoint (or this key cannot use it).",
                    [$"It serves: {shown}.", "See every model with the list_models tool."], exception);
            }
        }
        return error;
    }
}
