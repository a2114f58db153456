using McpOpenAI.Kernel.Errors;

namespace McpOpenAI.Plugins.Support.Tests;

public sealed class KnowledgeBaseFunctionsTests(SampleCompanyFixture sample) : IClassFixture<SampleCompanyFixture>, IDisposable
{
    private readonly SupportTestContext _context = new(sample);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task SearchKb_OpenedHeadlamp_ReturnsPolicyAndManualWithSectionText()
    {
        var result = await _context.Knowledge.SearchKbAsync("return opened headlamp restocking fee", cancellationToken: Ct);

        Assert.Contains(result.Hits, h => h.ArticleId == "policies/returns-and-refunds" && h.Category == "policies");
        var policy = result.Hits.First(h => h.ArticleId == "policies/returns-and-refunds");
        Assert.Contains("15%", policy.Text);
        Assert.Contains("**", policy.Snippet);
        Assert.Equal(result.Count, result.Hits.Select(h => h.ArticleId).Distinct().Count());
    }

    [Fact]
    public async Task SearchKb_LoadsEveryCorpusDocument_AsArticlesWithResearchIds()
    {
        await _context.Knowledge.SearchKbAsync("warranty", cancellationToken: Ct);

        Assert.True((long)_context.Support("SELECT COUNT(*) FROM kb_articles")! >= 24);
        Assert.Equal("Brightwater Limited Warranty", _context.Support("SELECT title FROM kb_articles WHERE article_id = 'policies/warranty'"));
    }

    [Fact]
    public async Task SearchKb_BadSyntaxOrEmpty_InvalidArgument()
    {
        var syntax = await Assert.ThrowsAsync<FunctionException>(() => _context.Knowledge.SearchKbAsync("\"refund", cancellationToken: Ct));
        var empty = await Assert.ThrowsAsync<FunctionException>(() => _context.Knowledge.SearchKbAsync(" ", cancellationToken: Ct));
        var limit = await Assert.ThrowsAsync<FunctionException>(() => _context.Knowledge.SearchKbAsync("refund", 99, Ct));

        Assert.All([syntax, empty, limit], e => Assert.Equal(ErrorCodes.InvalidArgument, e.Code));
    }
}
