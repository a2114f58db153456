using Microsoft.AspNetCore.Http;

namespace McpOpenAI.Server.Http;

/// <summary>
/// Refuses a request body over <see cref="HttpOptions.MaxRequestBodySize"/> with 413 and a JSON-RPC error that says
/// so: at once when Content-Length announces it, or when Kestrel stops a chunked body at the limit.
/// </summary>
internal sealed class BodySizeLimit(long limit)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RefuseAsync(context).ConfigureAwait(false);
        }
    }

    private Task RefuseAsync(HttpContext context)
    {
        // The unread rest of the body makes the connection unusable; say so, so the client does not send on it again.
        context.Response.Headers.Connection = "close";
        return JsonRpcErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
            $"Payload Too Large: this server accepts request bodies up to {limit / (1024.0 * 1024):0.#} MiB (Http:MaxRequestBodySize). " +
            "Pass large images by URL instead of inline.");
    }
}
