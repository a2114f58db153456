using System.Text.Json;
using McpOpenAI.Kernel.Errors;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Chat;

public sealed class OpenAIChatInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetResponseAsync_UnknownRole_InvalidArgumentAndNoRequest()
    {
        await using var context = await OpenAITestContext.StartAsync();

        var error = await Assert.ThrowsAsync<FunctionException>(() =>
            context.Client.GetResponseAsync([new ChatMessage(new ChatRole("narrator"), "once upon a time")], cancellationToken: Ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("narrator", error.Message);
        Assert.Equal(0, context.Server.RequestCount());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("audio/ogg")]
    public async Task GetStreamingResponseAsync_ContentTheConnectorWouldDrop_InvalidArgumentAndNoRequest(string mediaType)
    {
        await using var context = await OpenAITestContext.StartAsync();
        var message = new ChatMessage(ChatRole.User, [new TextContent("read this"), new DataContent(new byte[] { 1, 2, 3 }, mediaType)]);

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Client.GetStreamingResponseAsync([message], cancellationToken: Ct).ToListAsync(Ct).AsTask());

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains(mediaType, error.Message);
        Assert.Equal(0, context.Server.RequestCount());
    }

    [Fact]
    public async Task GetResponseAsync_PdfDocument_SentAsFilePart()
    {
        await using var context = await OpenAITestContext.StartAsync();
        var message = new ChatMessage(ChatRole.User, [new TextContent("summarise"), new DataContent("%PDF-1.7"u8.ToArray(), "application/pdf") { Name = "report.pdf" }]);

        await context.Client.GetResponseAsync([message], cancellationToken: Ct);

        var parts = Assert.Single(context.Server.ChatRequests).Messages[0].Parts;
        Assert.Equal(["text", "file"], parts.Select(p => p.Type));
    }

    [Fact]
    public async Task GetResponseAsync_StoredToolResults_SentAsTheirText()
    {
        await using var context = await OpenAITestContext.StartAsync();
        // A conversation read back from JSON holds results as JsonElements; a failed call may hold only its exception.
        var stored = JsonSerializer.SerializeToElement("""{"rows":[[1200]]}""");
        List<ChatMessage> history =
        [
            new(ChatRole.User, "how many?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "run_query"), new FunctionCallContent("call_2", "run_query")]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", stored), new FunctionResultContent("call_2", null) { Exception = new InvalidOperationException("no such table") }]),
        ];

        await context.Client.GetResponseAsync(history, cancellationToken: Ct);

        var sent = Assert.Single(context.Server.ChatRequests).Messages;
        Assert.Equal("""{"rows":[[1200]]}""", sent[2].Text);
        Assert.Equal("Error: no such table", sent[3].Text);
        Assert.IsType<JsonElement>(((FunctionResultContent)history[2].Contents[0]).Result);
    }
}
