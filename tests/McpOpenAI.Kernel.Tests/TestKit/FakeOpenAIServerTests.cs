using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using McpOpenAI.TestKit.FakeOpenAI;
using OpenAI;
using OpenAI.Chat;

namespace McpOpenAI.Kernel.Tests.TestKit;

/// <summary>Drives the fake with the official OpenAI SDK to prove it speaks the real wire format.</summary>
public sealed class FakeOpenAIServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static OpenAIClient Sdk(FakeOpenAIServer server, string? key = null, int retries = 0) => new(new ApiKeyCredential(key ?? server.ApiKey), new OpenAIClientOptions
    {
        Endpoint = server.BaseUri,
        OrganizationId = "org-test",
        ProjectId = "proj_test",
        RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(retries),
    });

    internal static HttpClient Http(FakeOpenAIServer server)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ApiKey);
        return http;
    }

    [Fact]
    public async Task Chat_NonStreaming_SdkParsesCompletion()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);

        ChatCompletion completion = await Sdk(server).GetChatClient("gpt-4o-mini").CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct);

        Assert.Equal("Echo: hi", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal("gpt-4o-mini", completion.Model);
        Assert.StartsWith("chatcmpl-", completion.Id);
        Assert.Equal("fp_fake0001", completion.SystemFingerprint);
        Assert.True(completion.Usage.TotalTokenCount > 0);
        var request = Assert.Single(server.Requests);
        Assert.Equal("org-test", request.Organization);
        Assert.Equal("proj_test", request.Project);
        Assert.Equal("/v1/chat/completions", request.Path);
    }

    [Fact]
    public async Task Chat_StreamingText_SdkGetsSeveralDeltasAndUsage()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.ChatHandler = r => FakeChatReply.FromText("streamed answer in pieces") with { Usage = new FakeUsage(3, 4) };

        var text = new StringBuilder();
        var deltas = 0;
        ChatTokenUsage? usage = null;
        await foreach (var update in Sdk(server).GetChatClient("gpt-4.1-mini").CompleteChatStreamingAsync([new UserChatMessage("go")], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
                deltas++;
            }
            usage = update.Usage ?? usage;
        }

        Assert.Equal("streamed answer in pieces", text.ToString());
        Assert.True(deltas > 1);
        Assert.Equal(7, usage!.TotalTokenCount);
    }

    [Fact]
    public async Task Chat_StreamingParallelToolCalls_SdkReassemblesArguments()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.ChatReplies.Enqueue(FakeChatReply.FromToolCalls(
            new FakeToolCall("call_1", "lookup", """{"query":"a fairly long argument string"}"""),
            new FakeToolCall("call_2", "other", """{"n":2}""")));

        var ids = new Dictionary<int, string>();
        var names = new Dictionary<int, string>();
        var args = new Dictionary<int, StringBuilder>();
        ChatFinishReason? finish = null;
        await foreach (var update in Sdk(server).GetChatClient("gpt-4.1-mini").CompleteChatStreamingAsync([new UserChatMessage("go")], cancellationToken: Ct))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                if (call.ToolCallId is not null) ids[call.Index] = call.ToolCallId;
                if (call.FunctionName is not null) names[call.Index] = call.FunctionName;
                (args.TryGetValue(call.Index, out var sb) ? sb : args[call.Index] = new StringBuilder()).Append(call.FunctionArgumentsUpdate?.ToString());
            }
            finish = update.FinishReason ?? finish;
        }

        Assert.Equal(["call_1", "call_2"], ids.Values);
        Assert.Equal(["lookup", "other"], names.Values);
        Assert.Equal("""{"query":"a fairly long argument string"}""", args[0].ToString());
        Assert.Equal("""{"n":2}""", args[1].ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, finish);
    }

    [Fact]
    public async Task Chat_ToolCallNonStreaming_SdkParsesToolCalls()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.ChatReplies.Enqueue(FakeChatReply.FromToolCall("lookup", new { q = "x" }, "call_9"));
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("lookup", "Looks up", BinaryData.FromString("""{"type":"object","properties":{"q":{"type":"string"}}}""")) } };

        ChatCompletion completion = await Sdk(server).GetChatClient("gpt-4.1-mini").CompleteChatAsync([new UserChatMessage("go")], options, Ct);

        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal(("call_9", "lookup", """{"q":"x"}"""), (call.Id, call.FunctionName, call.FunctionArguments.ToString()));
        Assert.Equal("lookup", Assert.Single(Assert.Single(server.ChatRequests).Tools).Name);
    }

    [Fact]
    public async Task Auth_WrongKey_ClientResultException401WithEnvelope()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);

        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            Sdk(server, "sk-test-" + Guid.NewGuid().ToString("N")).GetChatClient("gpt-4.1-mini").CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Ct));

        Assert.Equal(401, error.Status);
        var envelope = JsonDocument.Parse(error.GetRawResponse()!.Content.ToString()).RootElement.GetProperty("error");
        Assert.Equal("invalid_api_key", envelope.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", envelope.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, envelope.GetProperty("param").ValueKind);
    }

    [Fact]
    public async Task Auth_MissingKey_401()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.BaseUrl + "/models", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_api_key", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Faults_ConsumedOnceInOrder_SdkSeesStatusThenSuccess()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.Faults.Enqueue("chat/completions", FakeFault.InsufficientQuota());
        server.Faults.Enqueue("/v1/chat/completions", FakeFault.ModelNotFound("gpt-x"));
        var chat = Sdk(server).GetChatClient("gpt-4.1-mini");

        var first = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("1")], cancellationToken: Ct));
        var second = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("2")], cancellationToken: Ct));
        ChatCompletion third = await chat.CompleteChatAsync([new UserChatMessage("3")], cancellationToken: Ct);

        Assert.Equal(429, first.Status);
        Assert.Contains("insufficient_quota", first.GetRawResponse()!.Content.ToString());
        Assert.Equal(404, second.Status);
        Assert.Equal("Echo: 3", third.Content[0].Text);
        Assert.Equal(3, server.RequestCount("chat/completions"));
        Assert.Equal(0, server.Faults.Count);
    }

    [Fact]
    public async Task Faults_RetryAfterHeaders_Sent()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.Faults.Enqueue(FakeFault.RateLimited(TimeSpan.FromMilliseconds(1500)) with { RetryAfter = TimeSpan.FromSeconds(2) });
        using var http = Http(server);

        using var response = await http.GetAsync("models", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("1500", response.Headers.GetValues("retry-after-ms").Single());
        Assert.Equal("2", response.Headers.GetValues("retry-after").Single());
    }

    [Fact]
    public async Task Faults_SdkRetries_SucceedsAfterTransientError()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.Faults.Enqueue(FakeFault.Overloaded(TimeSpan.FromMilliseconds(5)));

        ChatCompletion completion = await Sdk(server, retries: 1).GetChatClient("gpt-4.1-mini").CompleteChatAsync([new UserChatMessage("x")], cancellationToken: Ct);

        Assert.Equal("Echo: x", completion.Content[0].Text);
        Assert.Equal(2, server.RequestCount("chat/completions"));
    }

    [Fact]
    public async Task Chat_UnknownModel_404ModelNotFound()
    {
        await using var server = await FakeOpenAIServer.StartAsync(o => o.Models = ["gpt-4.1-mini"], Ct);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Sdk(server).GetChatClient("gpt-4o").CompleteChatAsync([new UserChatMessage("x")], cancellationToken: Ct));

        Assert.Equal(404, error.Status);
        Assert.Contains("model_not_found", error.GetRawResponse()!.Content.ToString());
    }

    [Fact]
    public async Task Models_ListAndGet_SdkParses()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var models = Sdk(server).GetOpenAIModelClient();

        var list = (await models.GetModelsAsync(Ct)).Value;
        var one = (await models.GetModelAsync("dall-e-3", Ct)).Value;
        var missing = await Assert.ThrowsAsync<ClientResultException>(() => models.GetModelAsync("nope", Ct));

        foreach (var id in new[] { "gpt-4.1-mini", "gpt-image-1", "gpt-image-1.5", "dall-e-2", "text-embedding-3-small", "omni-moderation-latest", "whisper-1", "tts-1" })
            Assert.Contains(list, m => m.Id == id);
        Assert.Equal("dall-e-3", one.Id);
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Models_StopServing_RemovedFromList()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.StopServingModel("dall-e-2");

        var list = (await Sdk(server).GetOpenAIModelClient().GetModelsAsync(Ct)).Value;

        Assert.DoesNotContain(list, m => m.Id == "dall-e-2");
    }
}
