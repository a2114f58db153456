using System.Text.Json;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.TestKit.FakeOpenAI;
using ModelContextProtocol.Protocol;

namespace McpOpenAI.Server.Tests.Research;

/// <summary>The research plugin's functions as MCP tools of the real server process.</summary>
public sealed class ResearchToolsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchAndRead_ShippedCorpus_ReturnStructuredHitsAndSection()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder, cancellationToken: Ct);

        var tools = await server.Client.ListToolsAsync(cancellationToken: Ct);
        var search = await server.Client.CallToolAsync("search_documents", new Dictionary<string, object?> { ["query"] = "refund opened items", ["limit"] = 3 }, cancellationToken: Ct);
        var hit = search.StructuredContent!.Value.GetProperty("hits")[0];
        var read = await server.Client.CallToolAsync("read_document", new Dictionary<string, object?>
        {
            ["path_or_id"] = hit.GetProperty("id").GetString(),
            ["section"] = "Opened items",
        }, cancellationToken: Ct);

        Assert.True(tools.Single(t => t.Name == "search_documents").ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.NotEqual(true, search.IsError);
        Assert.Equal("policies/returns-and-refunds", hit.GetProperty("id").GetString());
        Assert.True(search.StructuredContent!.Value.GetProperty("index").GetProperty("documents").GetInt32() >= 24);
        Assert.NotEqual(true, read.IsError);
        Assert.Contains("restocking fee", read.StructuredContent!.Value.GetProperty("text").GetString());
        Assert.Equal("policies/returns-and-refunds.md", read.StructuredContent!.Value.GetProperty("path").GetString());
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "mcp-openai", "research-index.db")));
    }

    [Fact]
    public async Task ReadDocument_PathOutsideCorpusAndBadSyntax_ToolErrors()
    {
        using var folder = new TempFolder();
        var corpus = folder.Write("docs/a.md", "# A\n\nalpha");
        folder.Write("secret.md", "# Secret");
        await using var server = await ServerProcess.StartAsync(folder,
            new Dictionary<string, string?> { ["Research__CorpusPath"] = Path.GetDirectoryName(corpus) }, cancellationToken: Ct);

        var escape = await server.Client.CallToolAsync("read_document", new Dictionary<string, object?> { ["path_or_id"] = "../secret.md" }, cancellationToken: Ct);
        var syntax = await server.Client.CallToolAsync("search_documents", new Dictionary<string, object?> { ["query"] = "\"alpha" }, cancellationToken: Ct);
        var ok = await server.Client.CallToolAsync("search_documents", new Dictionary<string, object?> { ["query"] = "alpha" }, cancellationToken: Ct);

        Assert.True(escape.IsError);
        Assert.Contains("permission_denied", Text(escape));
        Assert.True(syntax.IsError);
        Assert.Contains("invalid_argument", Text(syntax));
        Assert.Equal("a", ok.StructuredContent!.Value.GetProperty("hits")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task WebSearch_FakeOpenAI_ReturnsCitedUrls()
    {
        await using var fake = await FakeOpenAIServer.StartAsync(Ct);
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder, new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = fake.ApiKey,
            ["OPENAI_BASE_URL"] = fake.BaseUrl,
        }, cancellationToken: Ct);

        var result = await server.Client.CallToolAsync("web_search", new Dictionary<string, object?> { ["query"] = "tent trends" }, cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        var sources = result.StructuredContent!.Value.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToArray();
        Assert.Equal(fake.WebSearchResults.Select(c => c.Url), sources);
        Assert.Contains("[1]", result.StructuredContent!.Value.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task WebSearch_NoKeyOrDisabled_NotConfiguredToolError()
    {
        await using var fake = await FakeOpenAIServer.StartAsync(Ct);
        using var folder = new TempFolder();
        await using var noKey = await ServerProcess.StartAsync(folder, cancellationToken: Ct);
        var missing = await noKey.Client.CallToolAsync("web_search", new Dictionary<string, object?> { ["query"] = "x" }, cancellationToken: Ct);
        using var other = new TempFolder();
        await using var disabled = await ServerProcess.StartAsync(other, new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = fake.ApiKey,
            ["OPENAI_BASE_URL"] = fake.BaseUrl,
            ["Research__WebSearchEnabled"] = "false",
        }, cancellationToken: Ct);
        var off = await disabled.Client.CallToolAsync("web_search", new Dictionary<string, object?> { ["query"] = "x" }, cancellationToken: Ct);

        Assert.True(missing.IsError);
        Assert.Contains("not_configured", Text(missing));
        Assert.True(off.IsError);
        Assert.Contains("WebSearchEnabled", Text(off));
        Assert.Equal(0, fake.RequestCount("responses"));
    }

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
