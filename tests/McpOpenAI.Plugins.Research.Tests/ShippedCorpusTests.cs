namespace McpOpenAI.Plugins.Research.Tests;

public sealed class ShippedCorpusTests : IDisposable
{
    private readonly TempCorpus _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private DocumentFunctions Shipped() => new(new ResearchOptions(), _temp.Data);

    [Fact]
    public void ShippedCorpusPath_CopiedBesideTheProgram()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "corpus"), CorpusLocator.ShippedCorpusPath());
    }

    [Fact]
    public async Task SearchDocuments_ShippedCorpus_IndexesAtLeast24DocumentsOfEveryFormat()
    {
        var result = await Shipped().SearchDocumentsAsync("warranty", 50, Ct);

        Assert.True(result.Index.Documents >= 24, $"only {result.Index.Documents} documents");
        var files = Directory.EnumerateFiles(CorpusLocator.ShippedCorpusPath(), "*", SearchOption.AllDirectories).Select(Path.GetExtension).ToHashSet();
        Assert.Contains(".md", files);
        Assert.Contains(".html", files);
        Assert.Contains(".txt", files);
        Assert.Equal("policies/warranty", result.Hits[0].Id);
    }

    [Fact]
    public async Task SearchDocuments_RefundOpenedItems_FindsReturnsPolicySection()
    {
        var functions = Shipped();

        var result = await functions.SearchDocumentsAsync("What does our refund policy say about opened items?", cancellationToken: Ct);
        var section = await functions.ReadDocumentAsync(result.Hits[0].Id, "Opened items", Ct);

        Assert.Equal("policies/returns-and-refunds", result.Hits[0].Id);
        Assert.Equal("Opened items", section.Section);
        Assert.Contains("30 days", section.Text);
        Assert.Contains("15% restocking fee", section.Text);
    }

    [Theory]
    [InlineData("privacy rights delete data", "policies/privacy-policy")]
    [InlineData("price match marketplace", "policies/price-match")]
    [InlineData("headlamp lockout", "manuals/rechargeable-headlamp-900lm")]
    [InlineData("filter frozen", "manuals/squeeze-water-filter")]
    public async Task SearchDocuments_ShippedCorpus_FindsTheRightDocument(string query, string expected)
    {
        var result = await Shipped().SearchDocumentsAsync(query, 3, Ct);

        Assert.Equal(expected, result.Hits[0].Id);
    }
}
