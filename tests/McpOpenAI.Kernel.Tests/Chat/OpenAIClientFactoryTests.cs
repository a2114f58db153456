using McpOpenAI.Kernel.Chat;
using McpOpenAI.Kernel.Configuration;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.OpenAI;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Chat;

public sealed class OpenAIClientFactoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetClient_SameOptions_Cached_ChangedOptions_Rebuilt()
    {
        await using var context = await OpenAITestContext.StartAsync();

        var first = context.Factory.GetClient();
        var again = context.Factory.GetClient();
        context.Monitor.CurrentValue = new OpenAIOptions { ApiKey = context.Server.ApiKey, BaseUrl = context.Server.BaseUrl, MaxRetries = 5 };
        var rebuilt = context.Factory.GetClient();

        Assert.Same(first, again);
        Assert.NotSame(first, rebuilt);
    }

    [Fact]
    public async Task GetChatClient_OrganizationAndProject_SentAsHeaders()
    {
        await using var context = await OpenAITestContext.StartAsync(o =>
        {
            o.OrganizationId = "org-abc";
            o.ProjectId = "proj_xyz";
        });

        await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Ct);

        var request = Assert.Single(context.Server.Requests);
        Assert.Equal("org-abc", request.Organization);
        Assert.Equal("proj_xyz", request.Project);
        Assert.Equal("Bearer " + context.Server.ApiKey, request.Header("Authorization"));
    }

    [Fact]
    public async Task SubClients_DefaultModelsFromOptions_ReachTheFake()
    {
        await using var context = await OpenAITestContext.StartAsync();

        var embedding = await context.Factory.GetEmbeddingClient().GenerateEmbeddingAsync("x", cancellationToken: Ct);
        var moderation = await context.Factory.GetModerationClient().ClassifyTextAsync("x", Ct);
        var models = await context.Factory.GetModelClient().GetModelsAsync(Ct);

        Assert.Equal(1536, embedding.Value.ToFloats().Length);
        Assert.False(moderation.Value.Flagged);
        Assert.NotEmpty(models.Value);
        Assert.Equal("text-embedding-3-small", context.Server.Requests[0].Json!["model"]!.GetValue<string>());
        Assert.Equal("omni-moderation-latest", context.Server.Requests[1].Json!["model"]!.GetValue<string>());
    }

    [Fact]
    public void GetClient_NoKey_NotConfigured()
    {
        var factory = new OpenAIClientFactory(new TestOptionsMonitor<OpenAIOptions>(new OpenAIOptions()));

        var error = Assert.Throws<FunctionException>(() => factory.GetChatClient());

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
    }

    [Fact]
    public void AmbientClient_NoKey_CallersModelOrNotConfigured_KeySet_OpenAI()
    {
        var monitor = new TestOptionsMonitor<OpenAIOptions>(new OpenAIOptions());
        var ambient = new AmbientChatClient(monitor, new OpenAIClientFactory(monitor));
        var sampling = McpOpenAI.TestKit.Chat.ScriptedChatClient.Answering("sampling");

        var error = Assert.Throws<FunctionException>(() => ambient.Current);
        IChatClient callers;
        using (McpOpenAI.Kernel.Calls.CallContext.Begin(new McpOpenAI.Kernel.Calls.CallContext { CallerChatClient = sampling }))
            callers = ambient.Current;
        monitor.CurrentValue = new OpenAIOptions { ApiKey = "sk-test-" + Guid.NewGuid().ToString("N") };
        var with = ambient.Current;

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
        Assert.Contains(error.Suggestions, s => s.Contains("OPENAI_API_KEY", StringComparison.Ordinal));
        Assert.Same(sampling, callers);
        Assert.False(ReferenceEquals(sampling, with));
        Assert.Equal("gpt-4.1-mini", with.GetService<ChatClientMetadata>()!.DefaultModelId);
        Assert.NotNull(with.GetService<global::OpenAI.Chat.ChatClient>());
    }
}
