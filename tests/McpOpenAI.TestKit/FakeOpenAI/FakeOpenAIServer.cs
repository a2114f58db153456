using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>
/// An in-process OpenAI look-alike on 127.0.0.1 that speaks the real wire format (chat completions with SSE,
/// images, responses, moderations, embeddings, models), records every request, and injects scripted faults.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _aborted = [];
    private readonly List<FakeChatRequest> _chatRequests = [];
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _models = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    private FakeOpenAIServer(WebApplication app, FakeOpenAIServerOptions options)
    {
        _app = app;
        ApiKey = options.ApiKey ?? "sk-test-" + Guid.NewGuid().ToString("N");
        FlagWord = options.FlagWord;
        ImageContent = options.ImageContent;
        foreach (var model in options.Models) _models[model] = 0;
    }

    /// <summary>The API key the fake accepts (<c>Authorization: Bearer …</c>).</summary>
    public string ApiKey { get; }

    /// <summary>The endpoint to give a client, e.g. <c>http://127.0.0.1:54321/v1</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary><see cref="BaseUrl"/> as a URI.</summary>
    public Uri BaseUri => new(BaseUrl);

    /// <summary>A word that makes moderation flag an input and the images API refuse a prompt.</summary>
    public string FlagWord { get; set; }

    /// <summary>
    /// What the images and Responses APIs' generated images show, in the requested size and <c>output_format</c>. The default
    /// <see cref="FakeImageContent.Gradient"/> gives small files; <see cref="FakeImageContent.Noise"/> gives about the largest
    /// an image of that size and format can be (a 1024x1024 PNG of about 3 MiB), to prove that results keep under byte limits.
    /// Set it before the request; it applies to every request after.
    /// </summary>
    public FakeImageContent ImageContent { get; set; }

    /// <summary>The <c>x-ratelimit-*</c> headers to send with every POST answer; null sends none.</summary>
    public FakeRateLimits? RateLimits { get; set; }

    /// <summary>Faults to inject, each consumed by one request.</summary>
    public FakeFaultQueue Faults { get; } = new();

    /// <summary>Scripted chat replies, used in order before <see cref="ChatHandler"/>.</summary>
    public ConcurrentQueue<FakeChatReply> ChatReplies { get; } = new();

    /// <summary>Computes a chat reply when <see cref="ChatReplies"/> is empty; null echoes the last user message.</summary>
    public Func<FakeChatRequest, FakeChatReply>? ChatHandler { get; set; }

    /// <summary>Computes the text of a Responses API answer; null echoes the input.</summary>
    public Func<FakeResponsesRequest, string>? ResponseTextHandler { get; set; }

    /// <summary>The sources the <c>web_search</c> tool "finds" and cites.</summary>
    public IList<FakeCitation> WebSearchResults { get; } = new List<FakeCitation>
    {
        new("https://example.com/openai-news", "OpenAI news"),
        new("https://example.org/research", "Research notes"),
    };

    /// <summary>Every request received, in order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>The requests whose client went away before the answer was complete, in order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> AbortedRequests
    {
        get { lock (_aborted) return [.. _aborted]; }
    }

    /// <summary>Every chat completion request, parsed, in order (a snapshot).</summary>
    public IReadOnlyList<FakeChatRequest> ChatRequests
    {
        get { lock (_chatRequests) return [.. _chatRequests]; }
    }

    /// <summary>The models currently served.</summary>
    public IReadOnlyCollection<string> Models => [.. _models.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The responses the Responses API stored, by id.</summary>
    public ConcurrentDictionary<string, JsonObject> StoredResponses { get; } = new();

    internal ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>Starts a fake on a free port of 127.0.0.1.</summary>
    public static Task<FakeOpenAIServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new FakeOpenAIServerOptions(), cancellationToken);

    /// <summary>Starts a fake, letting the caller adjust the options first.</summary>
    public static Task<FakeOpenAIServer> StartAsync(Action<FakeOpenAIServerOptions> configure, CancellationToken cancellationToken = default)
    {
        var options = new FakeOpenAIServerOptions();
        configure(options);
        return StartAsync(options, cancellationToken);
    }

    /// <summary>Starts a fake with the given options.</summary>
    public static async Task<FakeOpenAIServer> StartAsync(FakeOpenAIServerOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeOpenAIServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseSetting(WebHostDefaults.PreventHostingStartupKey, "true");
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
        });
        var app = builder.Build();
        var server = new FakeOpenAIServer(app, options);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>How many requests reached <paramref name="path"/> (e.g. <c>chat/completions</c>), or any path when null.</summary>
    public int RequestCount(string? path = null) =>
        path is null ? _counts.Values.Sum() : _counts.GetValueOrDefault(NormalizePath(path));

    /// <summary>Forgets the recorded requests and counts.</summary>
    public void ClearRequests()
    {
        lock (_requests) _requests.Clear();
        lock (_chatRequests) _chatRequests.Clear();
        _counts.Clear();
    }

    /// <summary>Starts serving a model.</summary>
    public void ServeModel(string id) => _models[id] = 0;

    /// <summary>Stops serving a model, so requests for it get 404 <c>model_not_found</c>.</summary>
    public bool StopServingModel(string id) => _models.TryRemove(id, out _);

    /// <summary>True when the model is served.</summary>
    public bool IsServed(string model) => _models.ContainsKey(model);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutting down a test server must not fail the test.
        }
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    internal static string NormalizePath(string path)
    {
        var trimmed = path.Trim().Trim('/');
        if (trimmed.StartsWith("v1/", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[3..];
        return "/v1/" + trimmed;
    }

    internal void RecordChat(FakeChatRequest request)
    {
        lock (_chatRequests) _chatRequests.Add(request);
    }

    internal CancellationToken Stopping => _stopping.Token;

    private async Task HandleAsync(HttpContext http)
    {
        RecordedRequest? recorded = null;
        try
        {
            recorded = await RequestRecorder.RecordAsync(http);
            lock (_requests) _requests.Add(recorded);
            _counts.AddOrUpdate(recorded.Path.TrimEnd('/'), 1, (_, n) => n + 1);
            await FakeRouter.DispatchAsync(this, http, recorded);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The client went away (or the fake is stopping); nothing left to answer.
            if (recorded is not null && http.RequestAborted.IsCancellationRequested && !_stopping.IsCancellationRequested)
                lock (_aborted) _aborted.Add(recorded);
        }
    }
}
