using System.Text.Json;

namespace McpOpenAI.Server.Tests.OpenAI.Chat;

/// <summary>Every validation rule over stdio: a clear error naming the argument, and nothing reaches OpenAI.</summary>
public sealed class ChatValidationTests(ChatServerFixture fixture) : IClassFixture<ChatServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> InvalidCalls() => new()
    {
        { "chat", "{}", "prompt" },
        { "chat", """{"prompt":"x","temperature":3}""", "temperature" },
        { "chat", """{"prompt":"x","top_p":1.5}""", "top_p" },
        { "chat", """{"prompt":"x","max_tokens":-5}""", "max_tokens" },
        { "chat", """{"prompt":"x","stop":["a","b","c","d","e"]}""", "stop" },
        { "chat", """{"prompt":"x","model":"no spaces allowed"}""", "model" },
        { "chat", """{"messages":[{"role":"wizard","content":"x"}]}""", "messages[0].role" },
        { "chat", """{"messages":[{"role":"user","content":""}]}""", "messages[0].content" },
        { "chat", """{"prompt":"x","response_format":"yaml"}""", "response_format" },
        { "chat", """{"prompt":"x","response_format":{"type":"array"}}""", "response_format" },
        { "chat", """{"prompt":"x","images":["/definitely/not/here.png"]}""", "images[0]" },
        { "chat", """{"prompt":"x","images":["data:image/png;base64,bm90IGFuIGltYWdl"]}""", "images[0]" },
        { "analyze_image", """{"images":[]}""", "images" },
        { "analyze_image", """{"images":["https://example.com/a.png"],"detail":"max"}""", "detail" },
        { "analyze_image", """{"images":["https://example.com/a.png"],"max_tokens":0}""", "max_tokens" },
        { "moderate", "{}", "texts" },
        { "moderate", """{"texts":["ok"],"images":["https://example.com/a.png"],"model":"text-moderation-latest"}""", "model" },
        { "embed", """{"texts":[]}""", "texts" },
        { "embed", """{"texts":["a"],"dimensions":99999}""", "dimensions" },
        { "embed", """{"texts":["a"],"dimensions":16,"model":"text-embedding-ada-002"}""", "dimensions" },
        { "list_models", """{"capability":"video"}""", "capability" },
        { "configure", "{}", "api_key" },
        { "configure", """{"api_key":"has spaces in it which keys never do"}""", "api_key" },
        { "configure", """{"base_url":"ftp://example.com"}""", "base_url" },
        { "configure", """{"organization_id":"org with spaces"}""", "organization_id" },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task Call_InvalidArgument_NamedWithAllowedValuesAndNoRequest(string tool, string arguments, string argument)
    {
        var server = fixture.Server;
        server.Fake.ClearRequests();

        var result = await server.CallAsync(tool, JsonDocument.Parse(arguments).RootElement, Ct);

        var text = ChatServer.Text(result);
        Assert.True(result.IsError, text);
        Assert.StartsWith("Error (invalid_argument):", text);
        Assert.Contains($"'{argument}'", text);
        Assert.Contains("\n- ", text);
        Assert.Equal(0, server.Fake.RequestCount());
    }
}
