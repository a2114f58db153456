using System.Text.Json;
using McpOpenAI.TestKit.FakeOpenAI;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Chat;

public sealed class OpenAIChatClientToolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AIFunction Weather = AIFunctionFactory.Create(
        (string city, int days) => $"{city}: sunny for {days} days", "get_weather", "Gets the weather for a city.");

    private static readonly AIFunction Time = AIFunctionFactory.Create(() => "12:00", "get_time", "Gets the time.");

    [Fact]
    public async Task GetResponseAsync_Tools_SentWithSchemas()
    {
        await using var context = await OpenAITestContext.StartAsync();

        await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { Tools = [Weather, Time] }, Ct);

        var tools = Assert.Single(context.Server.ChatRequests).Tools;
        Assert.Equal(["get_weather", "get_time"], tools.Select(t => t.Name));
        Assert.Equal("Gets the weather for a city.", tools[0].Description);
        Assert.NotNull(tools[0].Parameters!["properties"]!["city"]);
        Assert.Equal("integer", tools[0].Parameters!["properties"]!["days"]!["type"]!.GetValue<string>());
        Assert.NotNull(tools[1].Parameters!["properties"]);
    }

    [Fact]
    public async Task GetResponseAsync_ToolCall_ReturnsFunctionCallWithParsedArguments()
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromToolCall("get_weather", new { city = "Oslo", days = 3 }, "call_1"));

        var response = await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "weather?")], new ChatOptions { Tools = [Weather] }, Ct);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("call_1", call.CallId);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Oslo", ((JsonElement)call.Arguments!["city"]!).GetString());
        Assert.Equal(3, ((JsonElement)call.Arguments["days"]!).GetInt32());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_ParallelToolCalls_AllReturned()
    {
        await using var context = await OpenAITestContext.StartAsync();
        context.Server.ChatReplies.Enqueue(FakeChatReply.FromToolCalls(
            new FakeToolCall("call_a", "get_weather", """{"city":"Oslo","days":1}"""),
            new FakeToolCall("call_b", "get_time", "{}")));

        var response = await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "both")],
            new ChatOptions { Tools = [Weather, Time], AllowMultipleToolCalls = true }, Ct);

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["call_a", "call_b"], calls.Select(c => c.CallId));
        Assert.Empty(calls[1].Arguments!);
        Assert.True(Assert.Single(context.Server.ChatRequests).ParallelToolCalls);
    }

    [Fact]
    public async Task GetResponseAsync_ToolHistory_SentAsAssistantToolCallsAndToolMessages()
    {
        await using var context = await OpenAITestContext.StartAsync();
        List<ChatMessage> history =
        [
            new(ChatRole.User, "weather?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", new { temp = 21, sky = "clear" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_2", "plain text")]),
        ];

        await context.Client.GetResponseAsync(history, new ChatOptions { Tools = [Weather] }, Ct);

        var sent = Assert.Single(context.Server.ChatRequests).Messages;
        Assert.Equal(["user", "assistant", "tool", "tool"], sent.Select(m => m.Role));
        var call = Assert.Single(sent[1].ToolCalls);
        Assert.Equal(("call_1", "get_weather"), (call.Id, call.Name));
        Assert.Equal("Oslo", JsonDocument.Parse(call.Arguments).RootElement.GetProperty("city").GetString());
        Assert.Equal("call_1", sent[2].ToolCallId);
        Assert.Equal(21, JsonDocument.Parse(sent[2].Text).RootElement.GetProperty("temp").GetInt32());
        Assert.Equal("plain text", sent[3].Text);
    }

    [Theory]
    [InlineData("auto", "\"auto\"")]
    [InlineData("none", "\"none\"")]
    [InlineData("required", "\"required\"")]
    [InlineData("get_time", """{"type":"function","function":{"name":"get_time"}}""")]
    public async Task GetResponseAsync_ToolMode_MappedToToolChoice(string mode, string expected)
    {
        await using var context = await OpenAITestContext.StartAsync();
        ChatToolMode toolMode = mode switch
        {
            "auto" => ChatToolMode.Auto,
            "none" => ChatToolMode.None,
            "required" => ChatToolMode.RequireAny,
            _ => ChatToolMode.RequireSpecific(mode),
        };

        await context.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], new ChatOptions { Tools = [Weather, Time], ToolMode = toolMode }, Ct);

        Assert.Equal(expected, Assert.Single(context.Server.ChatRequests).ToolChoice!.ToJsonString());
    }
}
