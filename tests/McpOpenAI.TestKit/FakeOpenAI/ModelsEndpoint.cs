using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{id}</c>.</summary>
internal static class ModelsEndpoint
{
    public static Task ListAsync(FakeOpenAIServer server, HttpContext http) =>
        FakeHttp.JsonAsync(http, new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. server.Models.Select(m => (JsonNode)Model(m))]),
        });

    public static Task GetAsync(FakeOpenAIServer server, HttpContext http, string id) =>
        server.IsServed(id) ? FakeHttp.JsonAsync(http, Model(id)) : FakeHttp.ModelNotFoundAsync(http, id);

    private static JsonObject Model(string id) => new()
    {
        ["id"] = id,
        ["object"] = "model",
        ["created"] = 1_700_000_000,
        ["owned_by"] = id.StartsWith("dall-e", StringComparison.Ordinal) || id.StartsWith("gpt-image", StringComparison.Ordinal) ? "system" : "openai",
    };
}
