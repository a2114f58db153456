using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics.CodeAnalysis;
using McpOpenAI.Kernel.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Images;
using OpenAI.Models;
using OpenAI.Moderations;
using OpenAI.Responses;

namespace McpOpenAI.Kernel.OpenAI;

/// <summary>
/// Builds the OpenAI SDK client from <see cref="OpenAIOptions"/> (key, endpoint, organization, project, retries,
/// timeout) and hands out its sub-clients. The client is cached and rebuilt when the options change at run time.
/// </summary>
public sealed class OpenAIClientFactory
{
    private readonly IOptionsMonitor<OpenAIOptions> _options;
    private readonly PipelineTransport? _transport;
    private readonly OpenAIClientLayers _layers;
    private readonly Lock _gate = new();
    private (ClientSettings Settings, OpenAIClient Client)? _cached;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The live OpenAI options.</param>
    /// <param name="transport">An HTTP transport to use instead of the SDK's default (tests, proxies).</param>
    /// <param name="layers">Policies and chat and embedding layers every client passes (cache, limits, usage…); none by default.</param>
    public OpenAIClientFactory(IOptionsMonitor<OpenAIOptions> options, PipelineTransport? transport = null, OpenAIClientLayers? layers = null)
    {
        _options = options;
        _transport = transport;
        _layers = layers ?? new OpenAIClientLayers();
    }

    /// <summary>The layers every client of this factory passes.</summary>
    public OpenAIClientLayers Layers => _layers;

    /// <summary>The options in force now.</summary>
    public OpenAIOptions Options => _options.CurrentValue;

    /// <summary>True when an API key is configured.</summary>
    public bool IsConfigured => Options.IsConfigured;

    /// <summary>The SDK client for the current options.</summary>
    /// <exception cref="Errors.FunctionException">No API key is configured (<c>not_configured</c>).</exception>
    public OpenAIClient GetClient()
    {
        var settings = ClientSettings.From(Options);
        if (string.IsNullOrWhiteSpace(settings.ApiKey)) throw OpenAIErrorMapper.MissingApiKey();
        lock (_gate)
        {
            if (_cached is { } cached && cached.Settings == settings) return cached.Client;
            var client = new OpenAIClient(new ApiKeyCredential(settings.ApiKey), CreateClientOptions(settings));
            _cached = (settings, client);
            return client;
        }
    }

    /// <summary>A chat client for <paramref name="model"/> (default: <see cref="OpenAIOptions.ChatModel"/>).</summary>
    public ChatClient GetChatClient(string? model = null) => GetClient().GetChatClient(model ?? Options.ChatModel);

    /// <summary>An image client for <paramref name="model"/> (default: <see cref="OpenAIOptions.ImageModel"/>).</summary>
    public ImageClient GetImageClient(string? model = null) => GetClient().GetImageClient(model ?? Options.ImageModel);

    /// <summary>An embedding client for <paramref name="model"/> (default: <see cref="OpenAIOptions.EmbeddingModel"/>).</summary>
    public EmbeddingClient GetEmbeddingClient(string? model = null) => GetClient().GetEmbeddingClient(model ?? Options.EmbeddingModel);

    /// <summary>
    /// Microsoft.Extensions.AI's embedding generator over the SDK's embedding client for <paramref name="model"/> (default:
    /// <see cref="OpenAIOptions.EmbeddingModel"/>), with the factory's embedding layers (<see cref="OpenAIClientLayers.Embeddings"/>).
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>> GetEmbeddingGenerator(string? model = null)
    {
        var id = model ?? Options.EmbeddingModel;
        var builder = new EmbeddingGeneratorBuilder<string, Embedding<float>>(GetEmbeddingClient(id).AsIEmbeddingGenerator());
        foreach (var layer in _layers.Embeddings)
            layer(builder, id);
        return builder.Build();
    }

    /// <summary>A moderation client for <paramref name="model"/> (default: <see cref="OpenAIOptions.ModerationModel"/>).</summary>
    public ModerationClient GetModerationClient(string? model = null)
    {
        var id = model ?? Options.ModerationModel;
        var client = GetClient().GetModerationClient(id);
        foreach (var layer in _layers.Moderations)
            client = layer(client, id);
        return client;
    }

    /// <summary>The models client (<c>/v1/models</c>).</summary>
    public OpenAIModelClient GetModelClient() => GetClient().GetOpenAIModelClient();

    /// <summary>The Responses API client (image generation tool, partial images, <c>previous_response_id</c>).</summary>
    [Experimental("OPENAI001")]
    public ResponsesClient GetResponsesClient() => GetClient().GetResponsesClient();

    /// <summary>The SDK options that <paramref name="options"/> stand for (endpoint, headers, retries, timeout).</summary>
    public static OpenAIClientOptions CreateClientOptions(OpenAIOptions options) => CreateClientOptions(ClientSettings.From(options), null);

    private OpenAIClientOptions CreateClientOptions(ClientSettings settings)
    {
        var options = CreateClientOptions(settings, _transport);
        // Per call: each policy sees one call once, before the SDK's retries, and may answer or refuse it without a request.
        foreach (var policy in _layers.Policies)
            options.AddPolicy(policy, PipelinePosition.PerCall);
        return options;
    }

    private static OpenAIClientOptions CreateClientOptions(ClientSettings settings, PipelineTransport? transport)
    {
        var options = new OpenAIClientOptions
        {
            // ClientRetryPolicy retries 408, 429 and 5xx with backoff and honours retry-after(-ms).
            RetryPolicy = new ClientRetryPolicy(Math.Max(0, settings.MaxRetries)),
            NetworkTimeout = settings.RequestTimeout > TimeSpan.Zero ? settings.RequestTimeout : TimeSpan.FromMinutes(5),
            UserAgentApplicationId = "McpOpenAI",
        };
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl)) options.Endpoint = new Uri(settings.BaseUrl);
        if (!string.IsNullOrWhiteSpace(settings.OrganizationId)) options.OrganizationId = settings.OrganizationId;
        if (!string.IsNullOrWhiteSpace(settings.ProjectId)) options.ProjectId = settings.ProjectId;
        if (transport is not null) options.Transport = transport;
        return options;
    }
}
