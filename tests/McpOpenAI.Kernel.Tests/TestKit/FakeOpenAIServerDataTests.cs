// The SDK marks the gpt-image and omni-moderation surface experimental (OPENAI001); the fake must support it.
#pragma warning disable OPENAI001
using System.Net.Http.Json;
using System.Text.Json;
using McpOpenAI.TestKit.FakeOpenAI;
using OpenAI.Embeddings;
using OpenAI.Moderations;

namespace McpOpenAI.Kernel.Tests.TestKit;

public sealed class FakeOpenAIServerDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Embeddings_SdkDefaultBase64_DeterministicUnitVectors()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var client = FakeOpenAIServerTests.Sdk(server).GetEmbeddingClient("text-embedding-3-small");

        OpenAIEmbeddingCollection result = await client.GenerateEmbeddingsAsync(["alpha", "beta", "alpha"], new EmbeddingGenerationOptions { Dimensions = 256 }, Ct);

        Assert.Equal("base64", Assert.Single(server.Requests).Json!["encoding_format"]!.GetValue<string>());
        var vectors = result.Select(e => e.ToFloats().ToArray()).ToList();
        Assert.All(vectors, v => Assert.Equal(256, v.Length));
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 3));
        Assert.Equal(vectors[0], vectors[2]);
        Assert.NotEqual(vectors[0], vectors[1]);
    }

    [Fact]
    public async Task Embeddings_FloatFormat_SameVectorAsBase64()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        using var http = FakeOpenAIServerTests.Http(server);
        OpenAIEmbedding sdk = await FakeOpenAIServerTests.Sdk(server).GetEmbeddingClient("text-embedding-3-large").GenerateEmbeddingAsync("gamma", cancellationToken: Ct);

        using var response = await http.PostAsJsonAsync("embeddings", new { model = "text-embedding-3-large", input = "gamma", encoding_format = "float" }, Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var floats = body.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()).ToArray();

        Assert.Equal(3072, floats.Length);
        Assert.Equal(sdk.ToFloats().ToArray(), floats);
        Assert.True(body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task Moderations_Text_FlagsOnlyTheTriggerWord()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var client = FakeOpenAIServerTests.Sdk(server).GetModerationClient("omni-moderation-latest");

        ModerationResultCollection results = await client.ClassifyTextAsync(["a calm sentence", $"a {server.FlagWord} sentence"], Ct);

        Assert.False(results[0].Flagged);
        Assert.True(results[1].Flagged);
        Assert.True(results[1].Violence.Flagged);
        Assert.True(results[1].Violence.Score > 0.9);
        Assert.False(results[1].Hate.Flagged);
    }

    [Fact]
    public async Task Moderations_Multimodal_OneResultWithImageInputKinds()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        var client = FakeOpenAIServerTests.Sdk(server).GetModerationClient("omni-moderation-latest");

        ModerationResult result = await client.ClassifyInputsAsync(
            [ModerationInputPart.CreateTextPart("hello"), ModerationInputPart.CreateImagePart(new Uri("https://example.com/a.png"))], Ct);

        Assert.False(result.Flagged);
        Assert.True(result.Violence.ApplicableInputKinds.HasFlag(ModerationApplicableInputKinds.Image));
        Assert.False(result.Hate.ApplicableInputKinds.HasFlag(ModerationApplicableInputKinds.Image));
    }
}
