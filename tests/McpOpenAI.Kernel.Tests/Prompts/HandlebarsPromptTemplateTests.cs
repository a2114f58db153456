using System.Text.Json;
using McpOpenAI.Kernel.Prompts;
using McpOpenAI.Kernel.Prompts.Templates;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Prompts;

public sealed class HandlebarsPromptTemplateTests
{
    private const string Hb = HandlebarsPromptTemplateFactory.HandlebarsTemplateFormat;
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_Variable_InsertsValue()
    {
        var kernel = new PromptTestKernel();

        Assert.Equal("About cats.", await kernel.Create("About {{topic}}.", Hb).RenderAsync(PromptTestKernel.Args(("topic", "cats")), Ct));
    }

    [Fact]
    public async Task Render_EachOverJsonArray_LoopsWithIndex()
    {
        var kernel = new PromptTestKernel();
        var args = PromptTestKernel.Args(("items", JsonSerializer.SerializeToElement(new[] { "a", "b" })));

        var text = await kernel.Create("{{#each items}}[{{@index}}:{{this}}]{{/each}}", Hb).RenderAsync(args, Ct);

        Assert.Equal("[0:a][1:b]", text);
    }

    [Fact]
    public async Task Render_EachOverObjects_ReadsProperties()
    {
        var kernel = new PromptTestKernel();
        var args = PromptTestKernel.Args(("people", JsonSerializer.SerializeToElement(new[] { new { name = "Ada" }, new { name = "<Bob>" } })));

        var text = await kernel.Create("{{#each people}}{{name}};{{/each}}", Hb).RenderAsync(args, Ct);

        Assert.Equal("Ada;&lt;Bob&gt;;", text);
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "no")]
    public async Task Render_IfElse_ChoosesBranch(bool flag, string expected)
    {
        var kernel = new PromptTestKernel();

        var text = await kernel.Create("{{#if flag}}yes{{else}}no{{/if}}", Hb).RenderAsync(PromptTestKernel.Args(("flag", flag)), Ct);

        Assert.Equal(expected, text);
    }

    [Fact]
    public async Task Render_FunctionHelperPositional_BindsInOrder()
    {
        var kernel = new PromptTestKernel();

        var text = await kernel.Create("{{Text-join a 'b'}}", Hb).RenderAsync(PromptTestKernel.Args(("a", "x")), Ct);

        Assert.Equal("x+b", text);
    }

    [Fact]
    public async Task Render_FunctionHelperHashArguments_BindsByName()
    {
        var kernel = new PromptTestKernel();

        var text = await kernel.Create("{{Text-join first=a second='y' separator='/'}}", Hb).RenderAsync(PromptTestKernel.Args(("a", "x")), Ct);

        Assert.Equal("x/y", text);
    }

    [Fact]
    public async Task Render_FunctionHelperGetsOriginalValue_NotEncodedOne()
    {
        var kernel = new PromptTestKernel();

        var text = await kernel.Create("{{Text-upper input}}", Hb).RenderAsync(PromptTestKernel.Args(("input", "a<b")), Ct);

        Assert.Equal("A&lt;B", text);
    }

    [Fact]
    public async Task Render_Encoding_FollowsPromptAndVariableFlags()
    {
        var kernel = new PromptTestKernel();
        var args = PromptTestKernel.Args(("a", "<a>"), ("b", "<b>"));

        var byDefault = await kernel.Create("{{a}} {{b}} {{Text-markup}}", Hb, false, new InputVariable { Name = "a", AllowDangerouslySetContent = true }, new InputVariable { Name = "b" }).RenderAsync(args, Ct);
        var allowed = await kernel.Create("{{a}} {{b}} {{Text-markup}}", Hb, allowDangerous: true).RenderAsync(args, Ct);

        Assert.Equal("<a> &lt;b&gt; &lt;b&gt;bold&lt;/b&gt;", byDefault);
        Assert.Equal("<a> <b> <b>bold</b>", allowed);
    }

    [Fact]
    public async Task Render_MessageHelperAndTags_BecomeMessages()
    {
        var kernel = new PromptTestKernel();
        var function = kernel.Create("<message role=\"system\">Be brief.</message>{{#message role=\"user\"}}Tell me about {{topic}}{{/message}}", Hb);

        var messages = await function.RenderMessagesAsync(PromptTestKernel.Args(("topic", "R&D")), Ct);

        Assert.Collection(messages,
            m => Assert.Equal(("system", "Be brief."), (m.Role.Value, m.Text)),
            m => Assert.Equal(("user", "Tell me about R&D"), (m.Role.Value, m.Text)));
    }

    [Fact]
    public async Task Render_SystemHelpers_Work()
    {
        var kernel = new PromptTestKernel();

        var text = await kernel.Create("{{set name=\"greeting\" value=\"hi\"}}{{greeting}} {{concat 'a' 'b'}} {{#if (equals x 'y')}}eq{{/if}}", Hb)
            .RenderAsync(PromptTestKernel.Args(("x", "y")), Ct);

        Assert.Equal("hi ab eq", text);
    }

    [Theory]
    [InlineData("{{#if x}} never closed")]
    [InlineData("{{/if}}")]
    public void Load_MalformedTemplate_ReportedWithTheFile(string template)
    {
        using var folder = new PromptTestFolder();
        var file = folder.Write("Hb/Bad.yaml", $"template_format: handlebars\ntemplate: \"{template}\"\n");
        using var source = new PromptPluginSource(new PromptTestKernel().Host, folder.Root);

        var error = Assert.Single(source.Reload().Errors);

        Assert.Equal(file, error.File);
        Assert.StartsWith("Handlebars:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_InferredVariables_AreThePromptsArguments()
    {
        var prompt = new PromptTestKernel().Create("{{topic}} {{#each items}}{{name}}{{/each}} {{Text-upper word}}", Hb);

        Assert.Equal(["topic", "items", "word"], prompt.Prompt.Parameters.Select(p => p.Name));
        Assert.Equal("cats  X", await prompt.RenderAsync(PromptTestKernel.Args(("topic", "cats"), ("items", JsonSerializer.SerializeToElement(Array.Empty<string>())), ("word", "x")), Ct));
    }
}
