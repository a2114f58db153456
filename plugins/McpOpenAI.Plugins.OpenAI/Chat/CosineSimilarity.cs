namespace McpOpenAI.Plugins.OpenAI.Chat;

/// <summary>Cosine similarity of embedding vectors.</summary>
internal static class CosineSimilarity
{
    public static double Of(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            dot += a[i] * (double)b[i];
            normA += a[i] * (double)a[i];
            normB += b[i] * (double)b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / (Math.Sqrt(normA) * Math.Sqrt(normB));
    }

    /// <summary>The symmetric matrix of every pair, rounded to 4 decimals.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Matrix(IReadOnlyList<IReadOnlyList<float>> vectors)
    {
        var rows = new List<IReadOnlyList<double>>(vectors.Count);
        for (var i = 0; i < vectors.Count; i++)
        {
            var row = new double[vectors.Count];
            for (var j = 0; j < vectors.Count; j++)
                row[j] = i == j ? 1 : Math.Round(Of(vectors[i], vectors[j]), 4);
            rows.Add(row);
        }
        return rows;
    }
}
