using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Plugins.OpenAI.Chat;
using McpOpenAI.Plugins.OpenAI.Shared;
using McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Plugins.OpenAI.Tests.Chat;

public sealed class ChatFunctionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chat_LongAnswer_StreamsBatchedTextDeltasAndReturnsWhole()
    {
        await using var context = await PluginContext.StartAsync();
        var answer = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"word{i}"));
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromText(answer));
        var progress = new Recorder<FunctionProgress>();

        var result = await context.Chat.Chat(prompt: "count", progress: progress, cancellationToken: Ct);

        Assert.Equal(answer, result.Text);
        Assert.Equal("gpt-4.1-mini", result.Model);
        Assert.Equal("stop", result.FinishReason);
        Assert.True(result.Usage!.TotalTokens > 0);
        var deltas = progress.Reports.ToList();
        Assert.All(deltas, d => Assert.Equal(ProgressKind.TextDelta, d.Kind));
        Assert.Equal(answer, string.Concat(deltas.Select(d => d.Message)));
        Assert.InRange(deltas.Count, 2, 100);
        Assert.Equal(deltas.Select(d => d.Progress).Order(), deltas.Select(d => d.Progress));
        Assert.True(Assert.Single(context.Server.ChatRequests).Stream);
    }

    [Fact]
    public async Task Chat_AllOptions_ReachTheWire()
    {
        await using var context = await PluginContext.StartAsync();

        await context.Chat.Chat(
            messages: [new("user", "hi"), new("assistant", "hello"), new("user", "again")],
            system: "be brief", model: "gpt-4o", temperature: 0.3, topP: 0.8, maxTokens: 50, stop: ["END"], seed: 7, cancellationToken: Ct);

        var request = Assert.Single(context.Server.ChatRequests);
        Assert.Equal("gpt-4o", request.Model);
        Assert.Equal(["system", "user", "assistant", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal("be brief", request.Messages[0].Text);
        Assert.Equal(0.3, request.Temperature!.Value, 3);
        Assert.Equal(0.8, request.TopP!.Value, 3);
        Assert.Equal(50, request.MaxCompletionTokens ?? request.MaxTokens);
        Assert.Equal(["END"], request.Stop);
        Assert.Equal(7, request.Seed);
    }

    [Fact]
    public async Task Chat_JsonSchema_StructuredDataParsed()
    {
        await using var context = await PluginContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromJson(new { city = "Paris", population = 2100000 }));
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"},"population":{"type":"integer"}},"required":["city","population"],"additionalProperties":false}""").RootElement;

        var result = await context.Chat.Chat(prompt: "capital of France", responseFormat: schema, cancellationToken: Ct);

        Assert.Equal("Paris", result.Data!.Value.GetProperty("city").GetString());
        var format = Assert.Single(context.Server.ChatRequests).ResponseFormat!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Chat_JsonObjectWithoutTheWordJson_InstructionAdded()
    {
        await using var context = await PluginContext.StartAsync();

        var result = await context.Chat.Chat(prompt: "list three colours", responseFormat: JsonDocument.Parse("\"json_object\"").RootElement, cancellationToken: Ct);

        Assert.Equal(JsonValueKind.Object, result.Data!.Value.ValueKind);
        Assert.Contains(Assert.Single(context.Server.ChatRequests).Messages, m => m.Text.Contains("JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_ImageFileAndUrl_SentAsParts()
    {
        await using var context = await PluginContext.StartAsync();
        using var images = new TestImages();
        var path = images.Write("red.png", TestImages.Png);

        var result = await context.Chat.Chat(prompt: "what is this?", images: [path, "https://example.com/cat.jpg"], cancellationToken: Ct);

        Assert.Contains("[images: 2]", result.Text);
        var parts = Assert.Single(context.Server.ChatRequests).Messages[^1].Parts.Where(p => p.ImageUrl is not null).ToList();
        Assert.StartsWith("data:image/png;base64,", parts[0].ImageUrl);
        Assert.Equal("https://example.com/cat.jpg", parts[1].ImageUrl);
    }

    public static TheoryData<string, Func<ChatFunctions, Task>> InvalidCalls() => new()
    {
        { "prompt", f => f.Chat(cancellationToken: Ct) },
        { "prompt", f => f.Chat(prompt: "   ", cancellationToken: Ct) },
        { "temperature", f => f.Chat(prompt: "x", temperature: 2.5, cancellationToken: Ct) },
        { "top_p", f => f.Chat(prompt: "x", topP: -0.1, cancellationToken: Ct) },
        { "max_tokens", f => f.Chat(prompt: "x", maxTokens: 0, cancellationToken: Ct) },
        { "stop", f => f.Chat(prompt: "x", stop: ["a", "b", "c", "d", "e"], cancellationToken: Ct) },
        { "model", f => f.Chat(prompt: "x", model: "gpt 4 turbo!", cancellationToken: Ct) },
        { "messages[0].role", f => f.Chat(messages: [new("robot", "x")], cancellationToken: Ct) },
        { "messages[1].content", f => f.Chat(messages: [new("user", "x"), new("assistant", "")], cancellationToken: Ct) },
        { "response_format", f => f.Chat(prompt: "x", responseFormat: JsonDocument.Parse("\"xml\"").RootElement, cancellationToken: Ct) },
        { "images[0]", f => f.Chat(prompt: "x", images: ["/no/such/file.png"], cancellationToken: Ct) },
        { "images", f => f.Chat(messages: [new("system", "x")], images: ["https://example.com/a.png"], cancellationToken: Ct) },
        { "images", f => f.AnalyzeImage([], cancellationToken: Ct) },
        { "detail", f => f.AnalyzeImage(["https://example.com/a.png"], detail: "ultra", cancellationToken: Ct) },
        { "prompt", f => f.AnalyzeImage(["https://example.com/a.png"], prompt: "", cancellationToken: Ct) },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task Chat_InvalidArgument_NamedAndNothingReachesOpenAI(string argument, Func<ChatFunctions, Task> call)
    {
        await using var context = await PluginContext.StartAsync();

        var error = await Assert.ThrowsAsync<FunctionException>(() => call(context.Chat));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains($"'{argument}'", error.Message);
        Assert.Equal(0, context.Server.RequestCount());
    }

    [Fact]
    public async Task AnalyzeImage_DataUriWithDetail_DefaultPromptAndDetailSent()
    {
        await using var context = await PluginContext.StartAsync();

        var result = await context.Chat.AnalyzeImage([TestImages.PngDataUri], detail: "high", cancellationToken: Ct);

        Assert.Contains("Describe this image", result.Text);
        var part = Assert.Single(Assert.Single(context.Server.ChatRequests).Messages[^1].Parts, p => p.ImageUrl is not null);
        Assert.Equal("high", part.Detail);
    }

    [Fact]
    public async Task Chat_UnknownModel_ErrorListsServedChatModels()
    {
        await using var context = await PluginContext.StartAsync();

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Chat.Chat(prompt: "x", model: "gpt-99", cancellationToken: Ct));

        Assert.Equal(ErrorCodes.ModelNotFound, error.Code);
        Assert.Contains("gpt-99", error.Message);
        var served = Assert.Single(error.Suggestions, s => s.StartsWith("It serves:", StringComparison.Ordinal));
        Assert.Contains("gpt-4.1-mini", served);
        Assert.DoesNotContain("dall-e-3", served);
    }

    [Fact]
    public async Task Chat_ServerErrorThenSuccess_Retried()
    {
        await using var context = await PluginContext.StartAsync(o => o.MaxRetries = 2);
        context.Server.Faults.Enqueue("chat/completions", FakeFault.ServerError(TimeSpan.FromMilliseconds(10)));
        context.Server.Faults.Enqueue("chat/completions", FakeFault.RateLimited(TimeSpan.FromMilliseconds(10)));

        var result = await context.Chat.Chat(prompt: "hello", cancellationToken: Ct);

        Assert.Equal("Echo: hello", result.Text);
        Assert.Equal(3, context.Server.RequestCount("chat/completions"));
        Assert.NotNull(CallLog.For(context.Factory).LastSuccess);
    }

    [Fact]
    public async Task Chat_RateLimitedBeyondRetries_RateLimitedWithTheWait()
    {
        await using var context = await PluginContext.StartAsync(o => o.MaxRetries = 1);
        context.Server.Faults.Enqueue("chat/completions", FakeFault.RateLimited(TimeSpan.FromMilliseconds(10)));
        context.Server.Faults.Enqueue("chat/completions", FakeFault.RateLimited(TimeSpan.FromMilliseconds(10)) with { RetryAfter = TimeSpan.FromSeconds(9) });

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Chat.Chat(prompt: "x", cancellationToken: Ct));

        Assert.Equal(ErrorCodes.RateLimited, error.Code);
        Assert.Equal(2, context.Server.RequestCount("chat/completions"));
        Assert.Equal(ErrorCodes.RateLimited, CallLog.For(context.Factory).LastError!.Code);
    }

    [Fact]
    public async Task Chat_ServerHangs_TimeoutWithinBudget()
    {
        await using var context = await PluginContext.StartAsync(o => o.RequestTimeout = TimeSpan.FromSeconds(1));
        context.Server.Faults.Enqueue("chat/completions", FakeFault.Hang());

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Chat.Chat(prompt: "x", cancellationToken: Ct));

        Assert.Equal(ErrorCodes.Timeout, error.Code);
    }

    [Fact]
    public async Task Chat_CancelledMidStream_StopsWithOperationCanceled()
    {
        await using var context = await PluginContext.StartAsync();
        var hold = new TaskCompletionSource();
        context.Server.ChatReplies.Enqueue(new FakeChatReply { Text = "first second third", HoldAfterFirstDelta = hold.Task });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = context.Chat.Chat(prompt: "x", cancellationToken: cts.Token);
        while (context.Server.RequestCount("chat/completions") == 0 && !call.IsCompleted) await Task.Delay(20, Ct);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        hold.TrySetResult();
        Assert.Null(CallLog.For(context.Factory).LastError);
    }

    [Fact]
    public async Task Chat_NoKey_NotConfiguredWithHowToAndNoRequest()
    {
        await using var context = await PluginContext.StartAsync(o => o.ApiKey = null);

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Chat.Chat(prompt: "x", cancellationToken: Ct));

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
        Assert.Contains(error.Suggestions, s => s.Contains("OPENAI_API_KEY", StringComparison.Ordinal));
        Assert.Contains(error.Suggestions, s => s.Contains("configure", StringComparison.Ordinal));
        Assert.Equal(0, context.Server.RequestCount());
    }
}
