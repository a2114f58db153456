using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Chat;

public sealed class OpenAIChatClientStreamingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStreamingResponseAsync_Text_DeltasInOrderThenUsageAndFinish()
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromText("one two three four"));

        var updates = await context.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "count")], cancellationToken: Ct).ToListAsync(Ct);

        var texts = updates.Where(u => u.Text.Length > 0).Select(u => u.Text).ToList();
        Assert.True(texts.Count >= 4);
        Assert.Equal("one two three four", string.Concat(texts));
        var last = updates[^1];
        Assert.Equal(ChatFinishReason.Stop, last.FinishReason);
        var usage = Assert.Single(last.Contents.OfType<UsageContent>());
        Assert.True(usage.Details.TotalTokenCount > 0);
        Assert.All(updates, u => Assert.StartsWith("chatcmpl-", u.ResponseId));
        Assert.True(Assert.Single(context.Server.ChatRequests).IncludeUsage);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolCalls_EmittedWholeAfterText()
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.ChatReplies.Enqueue(new FakeChatReply
        {
            Text = "Let me check.",
            ToolCalls =
            [
                new FakeToolCall("call_a", "get_weather", """{"city":"Bergen","days":2}"""),
                new FakeToolCall("call_b", "get_time", """{"zone":"Europe/Oslo"}"""),
            ],
        });

        var updates = await context.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: Ct).ToListAsync(Ct);

        var firstCall = updates.FindIndex(u => u.Contents.OfType<FunctionCallContent>().Any());
        var lastText = updates.FindLastIndex(u => u.Text.Length > 0);
        Assert.True(lastText < firstCall);
        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["call_a", "call_b"], calls.Select(c => c.CallId));
        Assert.Equal("Bergen", ((JsonElement)calls[0].Arguments!["city"]!).GetString());
        Assert.Equal("Europe/Oslo", ((JsonElement)calls[1].Arguments!["zone"]!).GetString());
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);

        var response = updates.ToChatResponse();
        Assert.Equal("Let me check.", response.Text);
        Assert.Equal(2, response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Count());
    }

    [Fact(Timeout = 30_000)]
    public async Task GetStreamingResponseAsync_FirstDelta_ArrivesBeforeStreamEnds()
    {
        await using var context = await OpenAITestContext.StartAsync();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromText("alpha beta gamma") with { HoldAfterFirstDelta = hold.Task });

        // The fake sends no more until the first delta has reached us: a buffering client would never finish.
        var received = new List<string>();
        await foreach (var update in context.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: Ct))
        {
            if (update.Text.Length == 0) continue;
            received.Add(update.Text);
            hold.TrySetResult();
        }

        Assert.Equal(["alpha ", "beta ", "gamma"], received);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetStreamingResponseAsync_ConnectionDropsMidStream_TextSoFarThenUpstreamError()
    {
        await using var context = await OpenAITestContext.StartAsync();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromText("alpha beta gamma") with { HoldAfterFirstDelta = hold.Task });
        context.Server.Faults.Enqueue("chat/completions", FakeFault.BrokenStream(eventsBeforeBreak: 2));

        var received = new List<string>();
        var error = await Assert.ThrowsAsync<FunctionException>(async () =>
        {
            await foreach (var update in context.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: Ct))
            {
                if (update.Text.Length == 0) continue;
                received.Add(update.Text);
                hold.TrySetResult();
            }
        });

        Assert.Equal(["alpha "], received);
        Assert.Equal(ErrorCodes.UpstreamError, error.Code);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CancelMidStream_StopsRequest()
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromText(string.Join(' ', Enumerable.Range(0, 50))));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in context.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: cts.Token))
            {
                received++;
                if (received == 2) await cts.CancelAsync();
            }
        });

        Assert.Equal(2, received);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CancelWhileServerHangs_ThrowsOperationCanceled()
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.Faults.Enqueue("chat/completions", FakeFault.Hang());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var streaming = context.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: cts.Token).ToListAsync(cts.Token).AsTask();
        while (context.Server.RequestCount("chat/completions") == 0) await Task.Delay(10, Ct);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
    }
}
