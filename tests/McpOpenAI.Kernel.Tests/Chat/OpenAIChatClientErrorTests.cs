using McpOpenAI.Kernel.Errors;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Chat;

public sealed class OpenAIChatClientErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "hello")];

    public static TheoryData<string, string> Faults() => new()
    {
        { nameof(FakeFault.RateLimited), ErrorCodes.RateLimited },
        { nameof(FakeFault.InsufficientQuota), ErrorCodes.QuotaExceeded },
        { nameof(FakeFault.ContentPolicy), ErrorCodes.ContentPolicy },
        { nameof(FakeFault.ModerationBlocked), ErrorCodes.ContentPolicy },
        { nameof(FakeFault.OrganizationNotVerified), ErrorCodes.OrganizationNotVerified },
        { nameof(FakeFault.ModelNotFound), ErrorCodes.ModelNotFound },
        { nameof(FakeFault.ServerError), ErrorCodes.UpstreamError },
        { nameof(FakeFault.Overloaded), ErrorCodes.Overloaded },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task GetResponseAsync_UpstreamError_MappedToCode(string fault, string code)
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.Faults.Enqueue(Create(fault));

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Client.GetResponseAsync(Hello, cancellationToken: Ct));

        Assert.Equal(code, error.Code);
        Assert.NotEmpty(error.Suggestions);
        Assert.DoesNotContain(context.Server.ApiKey, error.Message + string.Join(" ", error.Suggestions));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task GetStreamingResponseAsync_UpstreamError_MappedToCode(string fault, string code)
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.Faults.Enqueue(Create(fault));

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Client.GetStreamingResponseAsync(Hello, cancellationToken: Ct).ToListAsync(Ct).AsTask());

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task GetResponseAsync_RateLimitedWithRetryAfter_MessageNamesTheWait()
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.Faults.Enqueue(FakeFault.RateLimited() with { RetryAfter = TimeSpan.FromSeconds(7) });

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Client.GetResponseAsync(Hello, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.RateLimited, error.Code);
        Assert.Contains("7 s", error.Message);
    }

    [Fact]
    public async Task GetResponseAsync_WrongKey_InvalidApiKeyWithoutTheKey()
    {
        var wrongKey = "sk-test-" + Guid.NewGuid().ToString("N");
        await using var context = await OpenAITestContext.StartAsync(o => o.ApiKey = wrongKey);

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Client.GetResponseAsync(Hello, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.InvalidApiKey, error.Code);
        var text = error.Message + string.Join(" ", error.Suggestions) + error.ToString();
        Assert.DoesNotContain(wrongKey, text);
        Assert.DoesNotContain(wrongKey[^4..], error.Message);
    }

    [Fact]
    public async Task GetResponseAsync_NoKey_NotConfiguredAndNoRequest()
    {
        await using var context = await OpenAITestContext.StartAsync(o => o.ApiKey = null);

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Client.GetResponseAsync(Hello, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
        Assert.Equal(0, context.Server.RequestCount());
    }

    [Fact]
    public async Task GetResponseAsync_UnknownModel_ModelNotFoundSuggestsListing()
    {
        await using var context = await OpenAITestContext.StartAsync();

        var error = await Assert.ThrowsAsync<FunctionException>(() =>
            context.Client.GetResponseAsync(Hello, new ChatOptions { ModelId = "gpt-nonexistent" }, Ct));

        Assert.Equal(ErrorCodes.ModelNotFound, error.Code);
        Assert.Contains("gpt-nonexistent", error.Message);
        Assert.Contains(error.Suggestions, s => s.Contains("models", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task GetResponseAsync_TransientThenSuccess_Retried(int status)
    {
        await using var context = await OpenAITestContext.StartAsync(o => o.MaxRetries = 2);
        context.Server.Faults.Enqueue(new FakeFault { StatusCode = status, RetryAfterMs = TimeSpan.FromMilliseconds(5) });

        var response = await context.Client.GetResponseAsync(Hello, cancellationToken: Ct);

        Assert.Equal("Echo: hello", response.Text);
        Assert.Equal(2, context.Server.RequestCount("chat/completions"));
    }

    [Fact]
    public async Task GetResponseAsync_RetriesExhausted_MappedError()
    {
        await using var context = await OpenAITestContext.StartAsync(o => o.MaxRetries = 1);
        context.Server.Faults.Enqueue(FakeFault.ServerError(TimeSpan.FromMilliseconds(5)));
        context.Server.Faults.Enqueue(FakeFault.ServerError(TimeSpan.FromMilliseconds(5)));

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Client.GetResponseAsync(Hello, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.UpstreamError, error.Code);
        Assert.Equal(2, context.Server.RequestCount("chat/completions"));
    }

    [Fact]
    public async Task GetResponseAsync_RequestTimeout_MappedToTimeout()
    {
        await using var context = await OpenAITestContext.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        context.Server.Faults.Enqueue(FakeFault.Hang());

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Client.GetResponseAsync(Hello, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.Timeout, error.Code);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetStreamingResponseAsync_StreamStallsPastRequestTimeout_MappedToTimeout()
    {
        await using var context = await OpenAITestContext.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));
        var never = new TaskCompletionSource();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromText("alpha beta") with { HoldAfterFirstDelta = never.Task });

        var received = new List<string>();
        var error = await Assert.ThrowsAsync<FunctionException>(async () =>
        {
            await foreach (var update in context.Client.GetStreamingResponseAsync(Hello, cancellationToken: Ct))
                received.Add(update.Text);
        });

        Assert.Equal(ErrorCodes.Timeout, error.Code);
        Assert.Contains("alpha ", received);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_OperationCanceledNotMapped()
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.Faults.Enqueue(FakeFault.Hang());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = context.Client.GetResponseAsync(Hello, cancellationToken: cts.Token);
        while (context.Server.RequestCount("chat/completions") == 0) await Task.Delay(10, Ct);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static FakeFault Create(string name) => name switch
    {
        nameof(FakeFault.RateLimited) => FakeFault.RateLimited(),
        nameof(FakeFault.InsufficientQuota) => FakeFault.InsufficientQuota(),
        nameof(FakeFault.ContentPolicy) => FakeFault.ContentPolicy(),
        nameof(FakeFault.ModerationBlocked) => FakeFault.ModerationBlocked(),
        nameof(FakeFault.OrganizationNotVerified) => FakeFault.OrganizationNotVerified(),
        nameof(FakeFault.ModelNotFound) => FakeFault.ModelNotFound(),
        nameof(FakeFault.ServerError) => FakeFault.ServerError(),
        nameof(FakeFault.Overloaded) => FakeFault.Overloaded(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
