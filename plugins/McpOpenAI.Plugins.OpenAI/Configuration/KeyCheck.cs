using System.ClientModel;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using OpenAI;

namespace McpOpenAI.Plugins.OpenAI.Configuration;

/// <summary>Proves a new key works with one real call (<c>GET /v1/models</c>) before <c>configure</c> saves it.</summary>
internal static class KeyCheck
{
    /// <summary>The number of models the key can use.</summary>
    /// <exception cref="FunctionException">The key does not work; the message says so and nothing is saved.</exception>
    public static async Task<int> RunAsync(OpenAIOptions trial, CancellationToken cancellationToken)
    {
        var client = new OpenAIClient(new ApiKeyCredential(trial.ApiKey!), OpenAIClientFactory.CreateClientOptions(trial));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(trial.RequestTimeout > TimeSpan.Zero ? trial.RequestTimeout : TimeSpan.FromMinutes(1));
        try
        {
            var models = await client.GetOpenAIModelClient().GetModelsAsync(deadline.Token).ConfigureAwait(false);
            return models.Value.Count;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var error = OpenAIErrorMapper.Map(e, trial.ApiKey);
            throw new FunctionException(error.Code, "Nothing was saved: checking the new key failed. " + error.Message, error.Suggestions, e);
        }
    }
}
