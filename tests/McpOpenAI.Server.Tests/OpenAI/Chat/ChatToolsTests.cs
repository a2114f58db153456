using System.Collections.Concurrent;
using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.OpenAI.Chat;

/// <summary>Each function's happy path through the real server over stdio.</summary>
public sealed class ChatToolsTests(ChatServerFixture fixture) : IClassFixture<ChatServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChatServer Server => fixture.Server;

    [Fact]
    public async Task ListTools_ChatTools_WithTruthfulAnnotations()
    {
        var tools = (await Server.Client.ListToolsAsync(cancellationToken: Ct)).ToDictionary(t => t.Name);

        foreach (var name in new[] { "chat", "analyze_image", "moderate", "embed", "list_models", "get_config_status", "configure" })
            Assert.True(tools.ContainsKey(name), name);
        Assert.False(tools["chat"].ProtocolTool.Annotations!.ReadOnlyHint);
        Assert.True(tools["chat"].ProtocolTool.Annotations!.OpenWorldHint);
        Assert.True(tools["list_models"].ProtocolTool.Annotations!.ReadOnlyHint);
        Assert.True(tools["list_models"].ProtocolTool.Annotations!.IdempotentHint);
        Assert.NotNull(tools["chat"].ProtocolTool.OutputSchema);
        Assert.True(tools["chat"].JsonSchema.GetProperty("properties").TryGetProperty("max_tokens", out _));
    }

    [Fact]
    public async Task Chat_Prompt_StreamsProgressThenWholeAnswer()
    {
        var answer = string.Join(' ', Enumerable.Range(1, 120).Select(i => $"token{i}"));
        Server.Fake.ChatReplies.Enqueue(FakeChatReply.FromText(answer));
        await using var progress = ProgressLog.Attach(Server.Client);

        var result = await Server.CallAsync("chat", new { prompt = "stream please" }, Ct, progress);

        var value = ChatServer.Structured(result);
        Assert.Equal(answer, value.GetProperty("text").GetString());
        Assert.Equal("gpt-4.1-mini", value.GetProperty("model").GetString());
        Assert.Equal("stop", value.GetProperty("finish_reason").GetString());
        Assert.True(value.GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
        await progress.WaitForAsync(m => string.Concat(m) == answer, Ct);
        Assert.InRange(progress.Count, 2, 119);
    }

    [Fact]
    public async Task Chat_JsonSchema_ReturnedAsStructuredContent()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"string"},"confidence":{"type":"number"}},"required":["answer","confidence"],"additionalProperties":false}""").RootElement;

        var result = await Server.CallAsync("chat", new { prompt = "answer", response_format = schema }, Ct);

        var data = ChatServer.Structured(result).GetProperty("data");
        Assert.Equal(JsonValueKind.String, data.GetProperty("answer").ValueKind);
        Assert.Equal(JsonValueKind.Number, data.GetProperty("confidence").ValueKind);
    }

    [Fact]
    public async Task Chat_LocalImage_SentInlineToOpenAI()
    {
        var path = Server.Folder.Combine("photo.png");
        await File.WriteAllBytesAsync(path, FakeImages.Create("green", 4, 4), Ct);
        Server.Fake.ClearRequests();

        var result = await Server.CallAsync("chat", new { prompt = "what colour?", images = new[] { path } }, Ct);

        Assert.Contains("[images: 1]", ChatServer.Structured(result).GetProperty("text").GetString());
        var part = Assert.Single(Server.Fake.ChatRequests.Single().Messages[^1].Parts, p => p.ImageUrl is not null);
        Assert.StartsWith("data:image/png;base64,", part.ImageUrl);
    }

    [Fact]
    public async Task AnalyzeImage_Url_DescribesWithVisionModel()
    {
        var result = await Server.CallAsync("analyze_image", new { images = new[] { "https://example.com/cat.jpg" }, prompt = "which animal?", detail = "low" }, Ct);

        Assert.Equal("Echo: which animal? [images: 1]", ChatServer.Structured(result).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Moderate_FlaggedAndCleanText_VerdictPerInput()
    {
        var result = await Server.CallAsync("moderate", new { texts = new[] { "hello", "this is forbidden" } }, Ct);

        var value = ChatServer.Structured(result);
        Assert.True(value.GetProperty("flagged").GetBoolean());
        var results = value.GetProperty("results").EnumerateArray().ToList();
        Assert.False(results[0].GetProperty("flagged").GetBoolean());
        Assert.Equal("violence", results[1].GetProperty("categories")[0].GetString());
    }

    [Fact]
    public async Task Embed_TwoTexts_VectorsAndSimilarity()
    {
        var result = await Server.CallAsync("embed", new { texts = new[] { "cat", "dog" }, dimensions = 8 }, Ct);

        var value = ChatServer.Structured(result);
        Assert.Equal(8, value.GetProperty("dimensions").GetInt32());
        Assert.Equal(8, value.GetProperty("embeddings")[1].GetProperty("vector").GetArrayLength());
        Assert.Equal(1.0, value.GetProperty("similarity")[0][0].GetDouble());
    }

    [Fact]
    public async Task ListModels_Live_GroupedWithDefaults()
    {
        var result = await Server.CallAsync("list_models", new { refresh = true }, Ct);

        var value = ChatServer.Structured(result);
        var chat = value.GetProperty("groups").GetProperty("chat").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("gpt-4.1-mini", chat);
        Assert.Equal("text-embedding-3-small", value.GetProperty("defaults").GetProperty("embedding").GetString());
    }

    [Fact]
    public async Task Chat_ServerErrorOnce_RetriedThenSucceeds()
    {
        Server.Fake.ClearRequests();
        Server.Fake.Faults.Enqueue("chat/completions", FakeFault.ServerError(TimeSpan.FromMilliseconds(10)));

        var result = await Server.CallAsync("chat", new { prompt = "again" }, Ct);

        Assert.Equal("Echo: again", ChatServer.Structured(result).GetProperty("text").GetString());
        Assert.Equal(2, Server.Fake.RequestCount("chat/completions"));
    }

    [Fact]
    public async Task Chat_CancelledMidStream_StopsAndServerStaysUsable()
    {
        var hold = new TaskCompletionSource();
        Server.Fake.ChatReplies.Enqueue(new FakeChatReply { Text = "first words then more", HoldAfterFirstDelta = hold.Task });
        var firstDelta = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = Server.Client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            var value = JsonSerializer.Deserialize<ProgressNotificationParams>(notification.Params!);
            if (value?.ProgressToken.ToString() == "p-chat-cancel") firstDelta.TrySetResult(value.Progress.Message);
            return ValueTask.CompletedTask;
        });

        var call = ExplicitCancellation.StartCallAsync(Server.Client, "chat-cancel", "chat", new() { ["prompt"] = "long story" }, "p-chat-cancel", Ct);
        Assert.Equal("first ", await firstDelta.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct));
        await ExplicitCancellation.CancelAsync(Server.Client, "chat-cancel", Ct);

        var next = await Server.CallAsync("chat", new { prompt = "still there?" }, Ct);
        Assert.Equal("Echo: still there?", ChatServer.Structured(next).GetProperty("text").GetString());
        hold.TrySetResult();
        if (call.IsCompletedSuccessfully)
            Assert.DoesNotContain("then more", (await call).Result?.ToJsonString() ?? "");
        var status = ChatServer.Structured(await Server.CallAsync("get_config_status", new { }, Ct));
        Assert.False(status.TryGetProperty("last_error", out var error) && error.ValueKind == JsonValueKind.Object && error.GetProperty("operation").GetString() == "chat");
    }
}
