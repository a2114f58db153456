using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Text.Json;
using McpOpenAI.Kernel.Calls;
using McpOpenAI.Plugins.Operations.Pipeline;

namespace McpOpenAI.Plugins.Operations.Usage;

/// <summary>
/// Records every request that reaches OpenAI — model, tokens (cached ones too), images by size and quality, duration,
/// outcome, estimated cost — under the tool and caller of the call in progress. A streamed answer is read for usage as
/// the client reads it, and recorded when it ends.
/// </summary>
public sealed class UsagePolicy(UsageLedger ledger, PriceTable prices, TimeProvider? time = null) : OperationsPolicy
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    protected override async ValueTask RunAsync(PipelineMessage message, Func<ValueTask> next)
    {
        var request = OpenAIRequest.Of(message);
        var call = CallContext.Current;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception) when (!message.CancellationToken.IsCancellationRequested)
        {
            Record(request, call, new UsageScanner(), started, "failed");
            throw;
        }
        if (message.Response is not { } response) return;
        var scanner = new UsageScanner();
        if (response.IsError)
        {
            Record(request, call, scanner, started, $"http_{response.Status}");
        }
        else if (!message.BufferResponse && response.ContentStream is { } stream)
        {
            response.ContentStream = new ObservedStream(stream, scanner, toEnd => Record(request, call, scanner, started, toEnd ? "ok" : "incomplete"));
        }
        else
        {
            Read(response, scanner);
            Record(request, call, scanner, started, "ok");
        }
    }

    private static void Read(PipelineResponse response, UsageScanner scanner)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content);
            scanner.Add(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON (an image file, say): nothing to count.
        }
    }

    private void Record(OpenAIRequest request, CallContext? call, UsageScanner scanner, long started, string outcome)
    {
        var at = _time.GetUtcNow();
        var duration = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var tool = call?.ToolName ?? "(direct)";
        var endpoint = Endpoint(request.Kind);
        var figures = scanner.Tokens;
        if (figures.Images > 0 && figures.ImageSize is null) (figures.ImageSize, figures.ImageQuality) = request.ImageSettings;
        var model = request.Model ?? figures.Model ?? (request.Kind == OpenAIRequestKind.ImageVariation ? "dall-e-2" : endpoint);
        ledger.Record(Create(at, tool, call?.CallerId, model, endpoint, figures, duration, outcome, request.IsFree ? 0 : prices.Cost(model, figures)));
        if (scanner.ToolImages.Images > 0 && request.ImageToolModel is { } imageModel)
        {
            var images = scanner.ToolImages;
            var (size, quality) = request.ImageToolSettings;
            images.ImageSize ??= size;
            images.ImageQuality ??= quality;
            ledger.Record(Create(at, tool, call?.CallerId, imageModel, UsageRecord.ImageToolEndpoint, images, 0, outcome, prices.Cost(imageModel, images)));
        }
    }

    private static UsageRecord Create(DateTimeOffset at, string tool, string? caller, string model, string endpoint, UsageFigures f, double duration, string outcome, decimal? cost) =>
        new(at, tool, caller, model, endpoint, f.InputTokens, f.CachedInputTokens, f.OutputTokens, f.Images, f.ImageSize, f.ImageQuality, Math.Round(duration, 1), outcome, cost);

    private static string Endpoint(OpenAIRequestKind kind) => kind switch
    {
        OpenAIRequestKind.Chat => "chat",
        OpenAIRequestKind.Responses => "responses",
        OpenAIRequestKind.ImageGeneration or OpenAIRequestKind.ImageEdit or OpenAIRequestKind.ImageVariation => "images",
        OpenAIRequestKind.Embeddings => "embeddings",
        OpenAIRequestKind.Moderations => "moderations",
        OpenAIRequestKind.Models => "models",
        _ => "other",
    };
}
