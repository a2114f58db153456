using System.Text.Json;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Chat;

public sealed class OpenAIChatClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetResponseAsync_Text_ReturnsReplyWithMetadata()
    {
        await using var context = await OpenAITestContext.StartAsync();

        var response = await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "hello there")], cancellationToken: Ct);

        Assert.Equal("Echo: hello there", response.Text);
        Assert.StartsWith("chatcmpl-", response.ResponseId);
        Assert.Equal("gpt-4.1-mini", response.ModelId);
        Assert.NotNull(response.CreatedAt);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.NotNull(response.Usage);
        Assert.True(response.Usage.InputTokenCount > 0);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
    }

    [Fact]
    public async Task GetResponseAsync_Roles_SentInOrder()
    {
        await using var context = await OpenAITestContext.StartAsync();
        List<ChatMessage> history =
        [
            new(ChatRole.System, "be brief"),
            new(ChatRole.User, "first"),
            new(ChatRole.Assistant, "answer"),
            new(ChatRole.User, "second"),
        ];

        await context.Client.GetResponseAsync(history, new ChatOptions { Instructions = "obey" }, Ct);

        var sent = Assert.Single(context.Server.ChatRequests).Messages;
        Assert.Equal(["system", "system", "user", "assistant", "user"], sent.Select(m => m.Role));
        Assert.Equal(["obey", "be brief", "first", "answer", "second"], sent.Select(m => m.Text));
    }

    [Fact]
    public async Task GetResponseAsync_Images_SentAsImageParts()
    {
        await using var context = await OpenAITestContext.StartAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        var message = new ChatMessage(ChatRole.User,
        [
            new TextContent("what is this?"),
            new DataContent(png, "image/png") { AdditionalProperties = new() { ["detail"] = "low" } },
            new UriContent(new Uri("https://example.com/cat.jpg"), "image/jpeg"),
        ]);

        var response = await context.Client.GetResponseAsync([message], cancellationToken: Ct);

        var parts = Assert.Single(context.Server.ChatRequests).Messages[0].Parts;
        Assert.Equal(["text", "image_url", "image_url"], parts.Select(p => p.Type));
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(png), parts[1].ImageUrl);
        Assert.Equal("low", parts[1].Detail);
        Assert.Equal("https://example.com/cat.jpg", parts[2].ImageUrl);
        Assert.Contains("[images: 2]", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_Options_MappedToWire()
    {
        await using var context = await OpenAITestContext.StartAsync();
        var options = new ChatOptions
        {
            ModelId = "gpt-4o",
            Temperature = 0.25f,
            TopP = 0.5f,
            MaxOutputTokens = 123,
            StopSequences = ["END", "STOP"],
            Seed = 42,
        };

        var response = await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], options, Ct);

        var sent = Assert.Single(context.Server.ChatRequests);
        Assert.Equal("gpt-4o", sent.Model);
        Assert.Equal("gpt-4o", response.ModelId);
        Assert.Equal(0.25, sent.Temperature!.Value, 3);
        Assert.Equal(0.5, sent.TopP!.Value, 3);
        Assert.Equal(123, sent.MaxCompletionTokens);
        Assert.Equal(["END", "STOP"], sent.Stop);
        Assert.Equal(42, sent.Seed);
        Assert.Empty(sent.Tools);
        Assert.Null(sent.Raw["parallel_tool_calls"]);
    }

    [Fact]
    public async Task GetResponseAsync_ModelIdUnset_UsesConfiguredChatModel()
    {
        await using var context = await OpenAITestContext.StartAsync(o => o.ChatModel = "gpt-4.1");

        await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Ct);

        Assert.Equal("gpt-4.1", Assert.Single(context.Server.ChatRequests).Model);
    }

    [Fact]
    public async Task GetResponseAsync_JsonSchema_SendsStrictStructuredOutput()
    {
        await using var context = await OpenAITestContext.StartAsync();
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema<Forecast>() };

        var response = await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "weather?")], options, Ct);

        var format = Assert.Single(context.Server.ChatRequests).ResponseFormat!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        Assert.NotNull(format["json_schema"]!["schema"]!["properties"]!["city"]);
        var forecast = JsonSerializer.Deserialize<Forecast>(response.Text, JsonSerializerOptions.Web);
        Assert.NotNull(forecast);
        Assert.Equal("sample", forecast.City);
    }

    [Fact]
    public async Task GetResponseAsync_JsonWithoutSchema_SendsJsonObject()
    {
        await using var context = await OpenAITestContext.StartAsync();

        var response = await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], new ChatOptions { ResponseFormat = ChatResponseFormat.Json }, Ct);

        Assert.Equal("json_object", Assert.Single(context.Server.ChatRequests).ResponseFormatType);
        Assert.Equal("x", JsonDocument.Parse(response.Text).RootElement.GetProperty("echo").GetString());
    }

    [Theory]
    [InlineData("stop", "stop")]
    [InlineData("length", "length")]
    [InlineData("content_filter", "content_filter")]
    [InlineData("tool_calls", "tool_calls")]
    public async Task GetResponseAsync_FinishReason_Mapped(string wire, string expected)
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromText("partial", wire));

        var response = await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: Ct);

        Assert.Equal(new ChatFinishReason(expected), response.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_CustomUsage_Reported()
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromText("ok") with { Usage = new FakeUsage(11, 7) });

        var response = await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: Ct);

        Assert.Equal(11, response.Usage!.InputTokenCount);
        Assert.Equal(7, response.Usage.OutputTokenCount);
        Assert.Equal(18, response.Usage.TotalTokenCount);
        Assert.Equal(0, response.Usage.CachedInputTokenCount);
    }

    [Fact]
    public async Task GetResponseAsync_OptionsChangeAtRuntime_NewClientUsed()
    {
        await using var context = await OpenAITestContext.StartAsync();
        await using var other = await FakeOpenAIServer.StartAsync(Ct);
        await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "one")], cancellationToken: Ct);

        context.Monitor.CurrentValue = new() { ApiKey = other.ApiKey, BaseUrl = other.BaseUrl, MaxRetries = 0 };
        await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "two")], cancellationToken: Ct);

        Assert.Equal(1, context.Server.RequestCount("chat/completions"));
        Assert.Equal(1, other.RequestCount("chat/completions"));
    }

    private sealed record Forecast(string City, double Temperature, bool Sunny);
}
