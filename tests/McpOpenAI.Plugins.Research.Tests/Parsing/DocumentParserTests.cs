using McpOpenAI.Plugins.Research.Parsing;

namespace McpOpenAI.Plugins.Research.Tests.Parsing;

public sealed class DocumentParserTests
{
    [Fact]
    public void Parse_Markdown_SplitsAtHeadingsAndStripsInlineMarkup()
    {
        var doc = DocumentParser.Parse("a/policy.md", """
            ---
            title: Front Title
            ---
            # Heading One
            Intro with **bold** and a [link](http://x.example) and `code`.

            ## Opened items
            - item *one*
            ```
            # not a heading
            ```
            ## Opened items
            again
            """);

        Assert.Equal("Front Title", doc.Title);
        Assert.Equal("markdown", doc.Format);
        Assert.Equal(["Heading One", "Opened items", "Opened items"], doc.Sections.Select(s => s.Heading!).ToArray());
        Assert.Equal(["heading-one", "opened-items", "opened-items-2"], doc.Sections.Select(s => s.Anchor).ToArray());
        Assert.Contains("Intro with bold and a link and code.", doc.Sections[0].Text);
        Assert.Contains("**bold**", doc.Sections[0].Content);
        Assert.Contains("# not a heading", doc.Sections[1].Content);
        Assert.Equal(2, doc.Sections[1].Level);
    }

    [Fact]
    public void Parse_Html_DropsScriptsAndTagsAndSplitsAtHeadings()
    {
        var doc = DocumentParser.Parse("p.html", """
            <html><head><title>Page &amp; Title</title><script>var secret = 1;</script></head>
            <body><h1>Top</h1><p>First &ldquo;para&rdquo;</p><style>.x{}</style>
            <h2>Rights</h2><ul><li>See</li><li>Delete</li></ul></body></html>
            """);

        Assert.Equal("Page & Title", doc.Title);
        Assert.Equal(["Top", "Rights"], doc.Sections.Select(s => s.Heading!).ToArray());
        Assert.Contains("First \u201cpara\u201d", doc.Sections[0].Text);
        Assert.Contains("- See\n- Delete", doc.Sections[1].Content);
        Assert.DoesNotContain(doc.Sections, s => s.Text.Contains("secret", StringComparison.Ordinal) || s.Text.Contains('<'));
    }

    [Fact]
    public void Parse_Text_FirstLineIsTitleOneSection()
    {
        var doc = DocumentParser.Parse("notes/care-card.txt", "Care Card\n\nKeep it dry.");

        Assert.Equal("Care Card", doc.Title);
        Assert.Equal("text", doc.Format);
        Assert.Single(doc.Sections);
        Assert.Null(doc.Sections[0].Heading);
    }
}
