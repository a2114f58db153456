using McpOpenAI.Kernel.Errors;
using McpOpenAI.Kernel.Plugins;

namespace McpOpenAI.Plugins.Research.Tests;

public sealed class DocumentFunctionsTests : IDisposable
{
    private readonly TempCorpus _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SearchDocuments_SeveralMatches_RanksTitleAndDensityFirstWithSnippets()
    {
        _temp.Write("returns.md", "# Returns policy\n\nReturns of opened items are accepted within 30 days. Returns are easy.\n\n## Opened items\nOpened items need all parts.");
        _temp.Write("stove.md", "# Stove manual\n\nThe stove is not returnable once the fuel is opened.\n");
        _temp.Write("other.md", "# Tent\n\nNothing relevant here.");
        var functions = _temp.Functions();

        var result = await functions.SearchDocumentsAsync("returns opened", cancellationToken: Ct);

        Assert.Equal("all_words", result.Mode);
        Assert.Equal("returns", result.Hits[0].Id);
        Assert.Equal("Returns policy", result.Hits[0].Title);
        Assert.Contains("**", result.Hits[0].Snippet);
        Assert.True(result.Hits[0].Score >= result.Hits[^1].Score);
        Assert.DoesNotContain(result.Hits, h => h.Id == "other");
        Assert.Equal(3, result.Index.Documents);
        Assert.Equal(result.Hits.Select(h => h.Id).Distinct().Count(), result.Count);
    }

    [Fact]
    public async Task SearchDocuments_NoDocumentHasAllWords_FallsBackToAnyWord()
    {
        _temp.Write("a.md", "# Warranty\n\nTents have five years of warranty.");
        var functions = _temp.Functions();

        var result = await functions.SearchDocumentsAsync("warranty kayak", cancellationToken: Ct);

        Assert.Equal("any_word", result.Mode);
        Assert.Equal("a", Assert.Single(result.Hits).Id);
    }

    [Fact]
    public async Task SearchDocuments_StemmingAndPunctuation_MatchWithoutSyntaxErrors()
    {
        _temp.Write("a.md", "# Refunds\n\nWe refund the item price.");
        var functions = _temp.Functions();

        var result = await functions.SearchDocumentsAsync("refunding: item-price? NEAR", cancellationToken: Ct);

        Assert.Equal("a", result.Hits[0].Id);
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("refund AND")]
    [InlineData("NEAR(refund")]
    public async Task SearchDocuments_BadFtsSyntax_InvalidArgumentWithAdvice(string query)
    {
        _temp.Write("a.md", "# Refunds\n\nWe refund.");
        var functions = _temp.Functions();

        var error = await Assert.ThrowsAsync<FunctionException>(() => functions.SearchDocumentsAsync(query, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("FTS5", error.Message);
        Assert.Contains(error.Suggestions, s => s.Contains("plain words", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchDocuments_AdvancedPhrase_UsesCallersSyntax()
    {
        _temp.Write("a.md", "# A\n\nrestocking fee applies");
        _temp.Write("b.md", "# B\n\nfee for restocking");
        var functions = _temp.Functions();

        var result = await functions.SearchDocumentsAsync("\"restocking fee\"", cancellationToken: Ct);

        Assert.Equal("fts5", result.Mode);
        Assert.Equal("a", Assert.Single(result.Hits).Id);
    }

    [Fact]
    public async Task SearchDocuments_FilesAddedChangedDeleted_ReindexedIncrementally()
    {
        _temp.Write("keep.md", "# Keep\n\nalpine meadow");
        var changing = _temp.Write("change.md", "# Change\n\nglacier");
        var deleting = _temp.Write("delete.html", "<h1>Delete</h1><p>glacier crevasse</p>");
        var functions = _temp.Functions();
        var first = await functions.SearchDocumentsAsync("glacier", cancellationToken: Ct);
        Assert.Equal((3, 3, 0, 0), (first.Index.Documents, first.Index.Added, first.Index.Changed, first.Index.Removed));

        File.WriteAllText(changing, "# Change\n\nvolcano and more text");
        File.Delete(deleting);
        _temp.Write("sub/new.txt", "New notes\nvolcano ash");
        var second = await functions.SearchDocumentsAsync("volcano", cancellationToken: Ct);
        var third = await functions.SearchDocumentsAsync("glacier", cancellationToken: Ct);

        Assert.Equal((3, 1, 1, 1), (second.Index.Documents, second.Index.Added, second.Index.Changed, second.Index.Removed));
        Assert.Equal(["change", "sub/new"], second.Hits.Select(h => h.Id).Order().ToArray());
        Assert.Empty(third.Hits);
        Assert.Equal((0, 0, 0), (third.Index.Added, third.Index.Changed, third.Index.Removed));
    }

    [Fact]
    public async Task SearchDocuments_TouchedButSameContent_NotReparsed()
    {
        var file = _temp.Write("a.md", "# A\n\nsame");
        var functions = _temp.Functions();
        await functions.SearchDocumentsAsync("same", cancellationToken: Ct);

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5));
        var result = await functions.SearchDocumentsAsync("same", cancellationToken: Ct);

        Assert.Equal((0, 0, 0), (result.Index.Added, result.Index.Changed, result.Index.Removed));
    }

    [Fact]
    public async Task SearchDocuments_NewInstanceSameDataFolder_ReusesIndex()
    {
        _temp.Write("a.md", "# A\n\nlantern");
        await _temp.Functions().SearchDocumentsAsync("lantern", cancellationToken: Ct);

        var again = await _temp.Functions().SearchDocumentsAsync("lantern", cancellationToken: Ct);

        Assert.Equal(0, again.Index.Added);
        Assert.Single(again.Hits);
    }

    [Fact]
    public async Task ReadDocument_ByIdPathAndSection_ReturnsTextAndCitation()
    {
        _temp.Write("policies/returns.md", "# Returns\n\nIntro.\n\n## Opened items\nThirty days.\n\n### Electronics\nFee.\n\n## Refunds\nFive days.");
        var functions = _temp.Functions();

        var whole = await functions.ReadDocumentAsync("policies/returns", cancellationToken: Ct);
        var byPath = await functions.ReadDocumentAsync("policies/returns.md", "opened-items", Ct);
        var byHeading = await functions.ReadDocumentAsync(Path.Combine(_temp.Corpus, "policies", "returns.md"), "refunds", Ct);

        Assert.Equal("Returns", whole.Title);
        Assert.Null(whole.Section);
        Assert.Contains("Five days.", whole.Text);
        Assert.Equal(["Returns", "Opened items", "Electronics", "Refunds"], whole.Sections.Select(s => s.Heading).ToArray());
        Assert.Equal("Opened items", byPath.Section);
        Assert.Contains("Thirty days.", byPath.Text);
        Assert.Contains("Fee.", byPath.Text);
        Assert.DoesNotContain("Five days.", byPath.Text);
        Assert.Equal("policies/returns.md", byPath.Path);
        Assert.Contains("Opened items", byPath.Citation);
        Assert.Equal("Refunds", byHeading.Section);
    }

    [Theory]
    [InlineData("../secret.md")]
    [InlineData("policies/../../secret.md")]
    [InlineData("/etc/passwd")]
    public async Task ReadDocument_PathOutsideCorpus_PermissionDenied(string path)
    {
        File.WriteAllText(Path.Combine(_temp.Root, "secret.md"), "# Secret\n\ndo not read");
        _temp.Write("a.md", "# A\n\ntext");
        var functions = _temp.Functions();

        var error = await Assert.ThrowsAsync<FunctionException>(() => functions.ReadDocumentAsync(path, cancellationToken: Ct));

        Assert.Equal(ErrorCodes.PermissionDenied, error.Code);
        Assert.Contains("outside", error.Message);
    }

    [Fact]
    public async Task ReadDocument_UnknownIdOrSection_NotFoundSayingWhatExists()
    {
        _temp.Write("a.md", "# A\n\n## Care\ntext");
        var functions = _temp.Functions();

        var missing = await Assert.ThrowsAsync<FunctionException>(() => functions.ReadDocumentAsync("nope", cancellationToken: Ct));
        var section = await Assert.ThrowsAsync<FunctionException>(() => functions.ReadDocumentAsync("a", "warranty", Ct));

        Assert.Equal(ErrorCodes.NotFound, missing.Code);
        Assert.Contains(missing.Suggestions, s => s.Contains("a", StringComparison.Ordinal) && s.StartsWith("Some ids", StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.NotFound, section.Code);
        Assert.Contains("Care (care)", section.Suggestions[0]);
    }

    [Fact]
    public async Task ReadDocument_LongText_TruncatedAtLimit()
    {
        _temp.Write("long.md", "# Long\n\n" + new string('x', 500));
        var functions = _temp.Functions(new ResearchOptions { MaxReadCharacters = 100 });

        var content = await functions.ReadDocumentAsync("long", cancellationToken: Ct);

        Assert.True(content.Truncated);
        Assert.Equal(100, content.Text.Length);
    }

    [Fact]
    public async Task Functions_BadArguments_InvalidArgument()
    {
        var functions = _temp.Functions();

        var empty = await Assert.ThrowsAsync<FunctionException>(() => functions.SearchDocumentsAsync("  ", cancellationToken: Ct));
        var limit = await Assert.ThrowsAsync<FunctionException>(() => functions.SearchDocumentsAsync("x", 0, Ct));
        var symbols = await Assert.ThrowsAsync<FunctionException>(() => functions.SearchDocumentsAsync("?!", cancellationToken: Ct));

        Assert.All([empty, limit, symbols], e => Assert.Equal(ErrorCodes.InvalidArgument, e.Code));
    }

    [Fact]
    public async Task SearchDocuments_MissingCorpusFolder_NotConfigured()
    {
        var functions = _temp.Functions(new ResearchOptions { CorpusPath = Path.Combine(_temp.Root, "missing") });

        var error = await Assert.ThrowsAsync<FunctionException>(() => functions.SearchDocumentsAsync("x", cancellationToken: Ct));

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
    }

    [Fact]
    public void FromObjects_ResearchParts_SnakeCaseFunctionsWithTruthfulTraits()
    {
        var plugin = PluginFactory.Compose("Research", null, PluginFactory.Functions(_temp.Functions()),
            PluginFactory.Functions(new WebSearchFunctions(new ResearchOptions(), TestFactory.Unconfigured())));

        Assert.Equal(["read_document", "search_documents", "web_search"], plugin.Select(f => f.Name).Order().ToArray());
        Assert.True(plugin.Single(f => f.Name == "search_documents").GetTraits().ReadOnly);
        Assert.True(plugin.Single(f => f.Name == "read_document").GetTraits().ReadOnly);
        Assert.True(plugin.Single(f => f.Name == "web_search").GetTraits().OpenWorld);
        var schema = ToolSchema.Of(plugin.Single(f => f.Name == "read_document")).InputSchema.GetProperty("properties");
        Assert.True(schema.TryGetProperty("path_or_id", out _));
        Assert.True(schema.TryGetProperty("section", out _));
    }
}
