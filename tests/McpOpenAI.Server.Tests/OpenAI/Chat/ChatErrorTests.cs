using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Server.Tests.OpenAI.Chat;

/// <summary>Every OpenAI error kind, injected by the fake, reads as a clear tool error with its code.</summary>
public sealed class ChatErrorTests(ChatServerFixture fixture) : IClassFixture<ChatServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Faults() => new()
    {
        { nameof(FakeFault.RateLimited), "rate_limited", "Retry after" },
        { nameof(FakeFault.InsufficientQuota), "insufficient_quota", "quota" },
        { nameof(FakeFault.ContentPolicy), "content_policy_violation", "safety system" },
        { nameof(FakeFault.OrganizationNotVerified), "organization_not_verified", "verified" },
        { nameof(FakeFault.Overloaded), "overloaded", "overloaded" },
        { nameof(FakeFault.ServerError), "upstream_error", "500" },
        { nameof(FakeFault.BrokenStream), "upstream_error", "OpenAI" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Chat_UpstreamFault_ClearErrorWithCode(string fault, string code, string phrase)
    {
        var server = fixture.Server;
        server.Fake.Faults.Clear();
        // Twice: the server retries transient failures once (OpenAI:MaxRetries=1) before it reports them.
        server.Fake.Faults.Enqueue("chat/completions", Create(fault));
        server.Fake.Faults.Enqueue("chat/completions", Create(fault));

        var result = await server.CallAsync("chat", new { prompt = "hello" }, Ct);
        server.Fake.Faults.Clear();

        var text = ChatServer.Text(result);
        Assert.True(result.IsError, text);
        Assert.StartsWith($"Error ({code}):", text);
        Assert.Contains(phrase, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Chat_ModelNotServed_ErrorListsServedModels()
    {
        var result = await fixture.Server.CallAsync("chat", new { prompt = "x", model = "gpt-unknown" }, Ct);

        var text = ChatServer.Text(result);
        Assert.StartsWith("Error (model_not_found):", text);
        Assert.Contains("It serves:", text);
        Assert.Contains("gpt-4.1-mini", text);
    }

    [Fact]
    public async Task Embed_ModelNotServed_ListsEmbeddingModels()
    {
        var result = await fixture.Server.CallAsync("embed", new { texts = new[] { "x" }, model = "text-embedding-9" }, Ct);

        var text = ChatServer.Text(result);
        Assert.StartsWith("Error (model_not_found):", text);
        Assert.Contains("text-embedding-3-small", text);
    }

    private static FakeFault Create(string name) => name switch
    {
        nameof(FakeFault.RateLimited) => FakeFault.RateLimited(TimeSpan.FromMilliseconds(10)) with { RetryAfter = TimeSpan.FromSeconds(1) },
        nameof(FakeFault.InsufficientQuota) => FakeFault.InsufficientQuota(),
        nameof(FakeFault.ContentPolicy) => FakeFault.ContentPolicy(),
        nameof(FakeFault.OrganizationNotVerified) => FakeFault.OrganizationNotVerified("gpt-4.1-mini"),
        nameof(FakeFault.Overloaded) => FakeFault.Overloaded(TimeSpan.FromMilliseconds(10)),
        nameof(FakeFault.ServerError) => FakeFault.ServerError(TimeSpan.FromMilliseconds(10)),
        nameof(FakeFault.BrokenStream) => FakeFault.BrokenStream(1),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
