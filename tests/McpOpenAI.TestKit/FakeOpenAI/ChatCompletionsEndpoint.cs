using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary><c>POST /v1/chat/completions</c>: a <c>chat.completion</c> object, or <c>chat.completion.chunk</c> SSE.</summary>
internal static partial class ChatCompletionsEndpoint
{
    public static async Task HandleAsync(FakeOpenAIServer server, HttpContext http, JsonObject body, FakeFault? fault)
    {
        var request = ChatRequestParser.Parse(body);
        server.RecordChat(request);
        if (request.Model.Length == 0)
        {
            await FakeHttp.MissingAsync(http, "model");
            return;
        }
        if (!server.IsServed(request.Model))
        {
            await FakeHttp.ModelNotFoundAsync(http, request.Model);
            return;
        }
        if (request.Messages.Count == 0)
        {
            await FakeHttp.ErrorAsync(http, 400, "[] is too short - 'messages'", param: "messages", code: "empty_array");
            return;
        }

        var reply = NextReply(server, request);
        var usage = reply.Usage ?? new FakeUsage(
            request.Messages.Sum(m => FakeHttp.CountTokens(m.Text) + (m.ImageCount * 85)) + 1,
            FakeHttp.CountTokens(reply.Text) + reply.ToolCalls.Sum(c => FakeHttp.CountTokens(c.Arguments) + 1));
        var finish = reply.FinishReason ?? (reply.ToolCalls.Count > 0 ? "tool_calls" : "stop");
        var id = FakeHttp.NewId("chatcmpl-");
        var model = reply.Model ?? request.Model;

        if (request.Stream)
            await StreamAsync(http, fault, request, reply, usage, finish, id, model);
        else
            await FakeHttp.JsonAsync(http, Completion(reply, usage, finish, id, model));
    }

    private static FakeChatReply NextReply(FakeOpenAIServer server, FakeChatRequest request)
    {
        if (server.ChatReplies.TryDequeue(out var scripted)) return scripted;
        if (server.ChatHandler is { } handler) return handler(request);
        return request.ResponseFormatType switch
        {
            "json_schema" => FakeChatReply.FromJson(SchemaSampler.Sample(request.ResponseFormat?["json_schema"]?["schema"])?.ToJsonString() ?? "{}"),
            "json_object" => FakeChatReply.FromJson(new JsonObject { ["echo"] = request.LastUserText }.ToJsonString()),
            _ => FakeChatReply.FromText("Echo: " + request.LastUserText + (request.ImageCount > 0 ? $" [images: {request.ImageCount}]" : "")),
        };
    }

    private static JsonObject Completion(FakeChatReply reply, FakeUsage usage, string finish, string id, string model)
    {
        var message = new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = reply.Text,
            ["refusal"] = null,
            ["annotations"] = new JsonArray(),
        };
        if (reply.ToolCalls.Count > 0)
        {
            message["tool_calls"] = new JsonArray([.. reply.ToolCalls.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
            })]);
        }
        var completion = Envelope("chat.completion", id, model);
        completion["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = message,
            ["logprobs"] = null,
            ["finish_reason"] = finish,
        });
        completion["usage"] = Usage(usage);
        return completion;
    }

    private static async Task StreamAsync(HttpContext http, FakeFault? fault, FakeChatRequest request, FakeChatReply reply, FakeUsage usage, string finish, string id, string model)
    {
        var sse = new SseWriter(http, fault);
        JsonObject Chunk(JsonObject delta, string? finishReason = null)
        {
            var chunk = Envelope("chat.completion.chunk", id, model);
            chunk["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["delta"] = delta,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            });
            if (request.IncludeUsage) chunk["usage"] = null;
            return chunk;
        }

        if (!await sse.WriteAsync(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "", ["refusal"] = null }))) return;
        var first = true;
        foreach (var piece in Pieces(reply.Text ?? ""))
        {
            if (!await sse.WriteAsync(Chunk(new JsonObject { ["content"] = piece }))) return;
            if (first && reply.HoldAfterFirstDelta is { } hold) await hold.WaitAsync(http.RequestAborted);
            first = false;
        }
        for (var i = 0; i < reply.ToolCalls.Count; i++)
        {
            var call = reply.ToolCalls[i];
            var head = new JsonObject
            {
                ["index"] = i,
                ["id"] = call.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
            };
            if (!await sse.WriteAsync(Chunk(new JsonObject { ["tool_calls"] = new JsonArray(head) }))) return;
            foreach (var fragment in Fragments(call.Arguments))
            {
                var delta = new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = fragment } };
                if (!await sse.WriteAsync(Chunk(new JsonObject { ["tool_calls"] = new JsonArray(delta) }))) return;
            }
        }
        if (!await sse.WriteAsync(Chunk([], finish))) return;
        if (request.IncludeUsage)
        {
            var last = Envelope("chat.completion.chunk", id, model);
            last["choices"] = new JsonArray();
            last["usage"] = Usage(usage);
            if (!await sse.WriteAsync(last)) return;
        }
        await sse.DoneAsync();
    }

    private static JsonObject Envelope(string type, string id, string model) => new()
    {
        ["id"] = id,
        ["object"] = type,
        ["created"] = FakeHttp.Now(),
        ["model"] = model,
        ["service_tier"] = "default",
        ["system_fingerprint"] = "fp_fake0001",
    };

    private static JsonObject Usage(FakeUsage usage) => new()
    {
        ["prompt_tokens"] = usage.PromptTokens,
        ["completion_tokens"] = usage.CompletionTokens,
        ["total_tokens"] = usage.TotalTokens,
        ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 },
        ["completion_tokens_details"] = new JsonObject
        {
            ["reasoning_tokens"] = 0,
            ["audio_tokens"] = 0,
            ["accepted_prediction_tokens"] = 0,
            ["rejected_prediction_tokens"] = 0,
        },
    };

    // Word-sized pieces, like the token deltas the real API streams.
    internal static IEnumerable<string> Pieces(string text) =>
        WordPattern().Matches(text).Select(m => m.Value);

    private static IEnumerable<string> Fragments(string arguments)
    {
        const int Size = 8;
        for (var i = 0; i < arguments.Length; i += Size)
            yield return arguments.Substring(i, Math.Min(Size, arguments.Length - i));
    }

    [GeneratedRegex(@"\s*\S+\s*|\s+")]
    private static partial Regex WordPattern();
}
