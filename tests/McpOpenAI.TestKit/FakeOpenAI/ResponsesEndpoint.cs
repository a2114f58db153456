using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>
/// <c>POST /v1/responses</c> (text, <c>image_generation</c> and <c>web_search</c> tools, SSE streaming) and
/// <c>GET /v1/responses/{id}</c>. Responses are kept so <c>previous_response_id</c> can refer to them.
/// </summary>
internal static class ResponsesEndpoint
{
    public static async Task CreateAsync(FakeOpenAIServer server, HttpContext http, JsonObject body, FakeFault? fault)
    {
        var model = body["model"]?.GetValue<string>();
        if (model is null)
        {
            await FakeHttp.MissingAsync(http, "model");
            return;
        }
        if (!server.IsServed(model))
        {
            await FakeHttp.ModelNotFoundAsync(http, model);
            return;
        }
        var previousId = body["previous_response_id"]?.GetValue<string>();
        JsonObject? previous = null;
        if (previousId is not null && !server.StoredResponses.TryGetValue(previousId, out previous))
        {
            await FakeHttp.ErrorAsync(http, 400, $"Previous response with id '{previousId}' not found.", param: "previous_response_id", code: "previous_response_not_found");
            return;
        }

        var request = ResponsesRequestParser.Parse(body, previous);
        var output = ResponseOutput.Build(server, request);
        var response = Response(request, body, output);
        if (ChatRequestParser.Bool(body["store"]) != false)
            server.StoredResponses[response["id"]!.GetValue<string>()] = response;

        if (request.Stream)
            await ResponseStream.WriteAsync(new SseWriter(http, fault), request, response);
        else
            await FakeHttp.JsonAsync(http, response);
    }

    public static Task GetAsync(FakeOpenAIServer server, HttpContext http, string id) =>
        server.StoredResponses.TryGetValue(id, out var response)
            ? FakeHttp.JsonAsync(http, response.DeepClone())
            : FakeHttp.ErrorAsync(http, 404, $"Response with id '{id}' not found.", param: "response_id");

    private static JsonObject Response(FakeResponsesRequest request, JsonObject body, JsonArray output)
    {
        var inputTokens = FakeHttp.CountTokens(request.InputText) + (request.InputImageCount * 85) + 1;
        var outputTokens = output.OfType<JsonObject>().Sum(i => i["type"]?.GetValue<string>() == "image_generation_call" ? 1056 : 20);
        return new JsonObject
        {
            ["id"] = FakeHttp.NewId("resp_"),
            ["object"] = "response",
            ["created_at"] = FakeHttp.Now(),
            ["status"] = "completed",
            ["background"] = false,
            ["completed_at"] = FakeHttp.Now(),
            ["error"] = null,
            ["incomplete_details"] = null,
            ["instructions"] = request.Instructions,
            ["max_output_tokens"] = body["max_output_tokens"]?.DeepClone(),
            ["model"] = request.Model,
            ["output"] = output,
            ["parallel_tool_calls"] = true,
            ["previous_response_id"] = request.PreviousResponseId,
            ["reasoning"] = new JsonObject { ["effort"] = null, ["summary"] = null },
            ["service_tier"] = "default",
            ["store"] = ChatRequestParser.Bool(body["store"]) ?? true,
            ["temperature"] = ChatRequestParser.Number(body["temperature"]) ?? 1.0,
            ["text"] = new JsonObject { ["format"] = new JsonObject { ["type"] = "text" }, ["verbosity"] = "medium" },
            ["tool_choice"] = body["tool_choice"]?.DeepClone() ?? "auto",
            ["tools"] = new JsonArray([.. request.Tools.Select(t => t.DeepClone())]),
            ["top_p"] = ChatRequestParser.Number(body["top_p"]) ?? 1.0,
            ["truncation"] = "disabled",
            ["usage"] = new JsonObject
            {
                ["input_tokens"] = inputTokens,
                ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
                ["output_tokens"] = outputTokens,
                ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
                ["total_tokens"] = inputTokens + outputTokens,
            },
            ["user"] = null,
            ["metadata"] = body["metadata"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
