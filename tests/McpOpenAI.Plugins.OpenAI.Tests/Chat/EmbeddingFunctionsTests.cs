using McpOpenAI.Kernel.Errors;
using McpOpenAI.Plugins.OpenAI.Tests.Infrastructure;

namespace McpOpenAI.Plugins.OpenAI.Tests.Chat;

public sealed class EmbeddingFunctionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Embed_ThreeTexts_VectorsAndSimilarityMatrix()
    {
        await using var context = await PluginContext.StartAsync();

        var result = await context.Embeddings.Embed(["cat", "kitten", "cat"], dimensions: 64, cancellationToken: Ct);

        Assert.Equal("text-embedding-3-small", result.Model);
        Assert.Equal(64, result.Dimensions);
        Assert.Equal(3, result.Embeddings.Count);
        Assert.All(result.Embeddings, e => Assert.Equal(64, e.Vector!.Count));
        Assert.Equal(1, result.Similarity![0][2], 3);
        Assert.Equal(result.Similarity[0][1], result.Similarity[1][0]);
        Assert.True(result.InputTokens > 0);
        Assert.Equal(64, context.Server.Requests.Single().Json!["dimensions"]!.GetValue<int>());
    }

    [Fact]
    public async Task Embed_OneTextWithoutVectors_NoMatrixNoVector()
    {
        await using var context = await PluginContext.StartAsync();

        var result = await context.Embeddings.Embed(["alone"], includeVectors: false, cancellationToken: Ct);

        Assert.Null(result.Similarity);
        Assert.Null(Assert.Single(result.Embeddings).Vector);
        Assert.Equal(1536, result.Dimensions);
    }

    [Theory]
    [InlineData(new string[0], null, null, "texts")]
    [InlineData(new[] { "a", "" }, null, null, "texts[1]")]
    [InlineData(new[] { "a" }, 0, null, "dimensions")]
    [InlineData(new[] { "a" }, 5000, null, "dimensions")]
    [InlineData(new[] { "a" }, 256, "text-embedding-ada-002", "dimensions")]
    public async Task Embed_Invalid_NamedAndNoRequest(string[] texts, int? dimensions, string? model, string argument)
    {
        await using var context = await PluginContext.StartAsync();

        var error = await Assert.ThrowsAsync<FunctionException>(() => context.Embeddings.Embed(texts, model, dimensions, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains($"'{argument}'", error.Message);
        Assert.Equal(0, context.Server.RequestCount());
    }
}
