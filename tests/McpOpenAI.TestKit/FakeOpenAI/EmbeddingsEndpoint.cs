using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary><c>POST /v1/embeddings</c>: deterministic unit vectors derived from a hash of each input.</summary>
internal static class EmbeddingsEndpoint
{
    public static async Task HandleAsync(FakeOpenAIServer server, HttpContext http, JsonObject body)
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
        var inputs = Inputs(body["input"]);
        if (inputs.Count == 0)
        {
            await FakeHttp.ErrorAsync(http, 400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", param: "input");
            return;
        }

        var dimensions = (int?)ChatRequestParser.Number(body["dimensions"]) ?? (model.EndsWith("large", StringComparison.Ordinal) ? 3072 : 1536);
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Vector(inputs[i], dimensions);
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64 ? Convert.ToBase64String(Bytes(vector)) : new JsonArray([.. vector.Select(v => (JsonNode)v)]),
            });
        }
        var tokens = inputs.Sum(t => Math.Max(1, FakeHttp.CountTokens(t)));
        await FakeHttp.JsonAsync(http, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    /// <summary>The fake's embedding of <paramref name="text"/>; tests can compare against it.</summary>
    public static float[] Vector(string text, int dimensions)
    {
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var random = new Random(seed);
        var vector = new float[dimensions];
        double norm = 0;
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
            norm += vector[i] * vector[i];
        }
        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < dimensions; i++) vector[i] *= scale;
        return vector;
    }

    private static byte[] Bytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    // Token-id inputs are hashed by their JSON text, so equal token lists embed equally.
    private static List<string> Inputs(JsonNode? input) => input switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        JsonArray array when array.All(a => a?.GetValueKind() == JsonValueKind.Number) && array.Count > 0 => [array.ToJsonString()],
        JsonArray array => [.. array.Select(a => a is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : a?.ToJsonString() ?? "")],
        _ => [],
    };
}
