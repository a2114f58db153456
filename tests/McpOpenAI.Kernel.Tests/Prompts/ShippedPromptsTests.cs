using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.Extensions.AI;

namespace McpOpenAI.Kernel.Tests.Prompts;

public sealed class ShippedPromptsTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static (PromptTestKernel Kernel, PromptPluginSource Source) Load()
    {
        var kernel = new PromptTestKernel();
        var source = new PromptPluginSource(kernel.Host, RepositoryPaths.PromptsFolder);
        source.Reload();
        return (kernel, source);
    }

    private static async Task<IReadOnlyList<ChatMessage>> Render(string function, params (string, object?)[] args)
    {
        var (kernel, source) = Load();
        using (source)
        {
            Assert.True(kernel.Host.TryGetFunction("Writer", function, out var plugin, out var found));
            Assert.True(((IPromptPlugin)plugin).TryGetPrompt(found.Name, out var prompt));
            return await prompt.RenderAsync(kernel.Host.Kernel, PromptTestKernel.Args(args), Ct);
        }
    }

    [Fact]
    public void ShippedPrompts_AllLoad_WithoutErrors()
    {
        var (_, source) = Load();
        using (source)
        {
            Assert.Empty(source.Errors);
            Assert.Equal(["Brainstorm", "Proofread", "Rewrite", "Summarize", "Translate"],
                source.Loaded.Where(l => l.Plugin == "Writer").Select(l => l.Function).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Summarize_RendersWithDefaults()
    {
        var messages = await Render("Summarize", ("text", "The <b>quarterly</b> report & more."));

        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Contains("Length: a short paragraph.", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Style: neutral.", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("Summarize this text:\n\nThe <b>quarterly</b> report & more.", messages[1].Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Translate_RendersLanguageAndFormality()
    {
        var messages = await Render("Translate", ("text", "Good morning"), ("target_language", "French"), ("formality", "formal"));

        Assert.Contains("into French.", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Formality: formal.", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal((ChatRole.User, "Good morning"), (messages[1].Role, messages[1].Text));
    }

    [Fact]
    public async Task Rewrite_HandlebarsConditionalAudience()
    {
        var without = await Render("Rewrite", ("text", "Pay now."));
        var with = await Render("Rewrite", ("text", "Pay now."), ("tone", "polite"), ("audience", "customers"));

        Assert.Contains("Tone: clear and friendly.", without[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("audience", without[0].Text, StringComparison.Ordinal);
        Assert.Contains("Tone: polite.", with[0].Text, StringComparison.Ordinal);
        Assert.Contains("Write for this audience: customers.", with[0].Text, StringComparison.Ordinal);
        Assert.Equal("Pay now.", with[1].Text);
    }

    [Fact]
    public async Task Proofread_RendersVariety()
    {
        var messages = await Render("Proofread", ("text", "Teh cat"), ("variety", "British English"));

        Assert.Contains("Spelling convention: British English.", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("Teh cat", messages[1].Text);
    }

    [Fact]
    public async Task Brainstorm_RendersCountAndConstraints()
    {
        var messages = await Render("Brainstorm", ("topic", "team offsite"), ("count", "5"), ("constraints", "under $500"));

        Assert.Contains("Generate 5 distinct", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("constraints: under $500.", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("Topic: team offsite", messages[1].Text);
    }
}
