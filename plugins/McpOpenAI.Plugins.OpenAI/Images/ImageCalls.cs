using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;

namespace McpOpenAI.Plugins.OpenAI.Images;

/// <summary>Runs an OpenAI call and maps its failures to clear <see cref="FunctionException"/>s.</summary>
internal static class ImageCalls
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, OpenAIClientFactory factory, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (FunctionException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            throw new FunctionException(ErrorCodes.UpstreamError, "OpenAI returned an answer that could not be read: " + ex.Message, ["Try again."], ex);
        }
        catch (Exception ex)
        {
            throw OpenAIErrorMapper.Map(ex, factory.Options.ApiKey, model);
        }
    }
}
