using McpOpenAI.SemanticKernel;
using Microsoft.SemanticKernel;
using PluginApps.Tests.Infrastructure;

namespace PluginApps.Tests;

/// <summary>The shipped prompt files load with Semantic Kernel's own loader and run on its OpenAI connector.</summary>
public sealed class PromptDirectoryTests(SampleDataFolder data)
{
    private static string WriterFolder => Path.Combine(AppContext.BaseDirectory, "prompts", "Writer");

    [Fact(Timeout = 60_000)]
    public async Task CreatePluginFromPromptDirectory_Writer_LoadsTheFolderPrompts()
    {
        await using var app = await TestApp.StartAsync(data, TestContext.Current.CancellationToken);
        var kernel = Kernel.CreateBuilder().AddMcpOpenAIPlugins(app.Configuration, McpOpenAIPlugins.Utility).Build();

        var writer = kernel.CreatePluginFromPromptDirectory(WriterFolder);

        // Folders (skprompt.txt + config.json) only: the YAML files need Microsoft.SemanticKernel.Yaml.
        Assert.Equal(["Proofread", "Summarize"], writer.Select(f => f.Name).Order());
        Assert.Equal("Writer", writer.Name);
    }

    [Fact(Timeout = 60_000)]
    public async Task Summarize_RunsOnTheChatCompletionService_WithTheRenderedPromptAndSettings()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var app = await TestApp.StartAsync(data, cancellation);
        var kernel = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(TestApp.Model, app.OpenAI.BaseUri, app.OpenAI.ApiKey)
            .AddMcpOpenAIPlugins(app.Configuration)
            .Build();
        var writer = kernel.CreatePluginFromPromptDirectory(WriterFolder);
        const string Text = "Northwind Outfitters opened a third warehouse in 2024 and now ships to 14 countries.";

        var result = await kernel.InvokeAsync(writer["Summarize"], new() { ["text"] = Text, ["length"] = "one sentence" }, cancellation);

        var request = Assert.Single(app.OpenAI.ChatRequests);
        Assert.Equal(TestApp.Model, request.Model);
        var system = Assert.Single(request.Messages, m => m.Role == "system");
        Assert.Contains("Length: one sentence.", system.Text, StringComparison.Ordinal);
        Assert.Contains("Style: neutral.", system.Text, StringComparison.Ordinal);
        var user = Assert.Single(request.Messages, m => m.Role == "user");
        Assert.Equal("Summarize this text:\n\n" + Text, user.Text);
        Assert.Equal(0.2, request.Temperature!.Value, 3);
        Assert.Equal(800, request.MaxCompletionTokens ?? request.MaxTokens);
        Assert.Equal("Echo: " + user.Text, result.ToString());
    }
}
