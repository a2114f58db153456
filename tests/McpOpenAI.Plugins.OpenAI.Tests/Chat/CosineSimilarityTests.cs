using McpOpenAI.Plugins.OpenAI.Chat;

namespace McpOpenAI.Plugins.OpenAI.Tests.Chat;

public sealed class CosineSimilarityTests
{
    [Fact]
    public void Matrix_ThreeVectors_SymmetricWithOnesOnDiagonal()
    {
        float[][] vectors = [[1, 0], [0, 1], [1, 1]];

        var matrix = CosineSimilarity.Matrix(vectors);

        Assert.Equal([1, 0, 0.7071], matrix[0]);
        Assert.Equal(matrix[0][2], matrix[2][0]);
        Assert.Equal(1, matrix[2][2]);
    }
}
