using McpOpenAI.TestKit.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Prompts;

/// <summary>The shipped prompt folders load unchanged in a plain Semantic Kernel app, with Semantic Kernel's own loader.</summary>
public sealed class SemanticKernelCompatibilityTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriterFolder_LoadsWithCreatePluginFromPromptDirectory_AndRunsOnAChatClient()
    {
        var client = ScriptedChatClient.Answering("A summary.").WithMetadata();
        var builder = Microsoft.SemanticKernel.Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatClient>(client);
        var kernel = builder.Build();

        var writer = kernel.CreatePluginFromPromptDirectory(Path.Combine(RepositoryPaths.PromptsFolder, "Writer"));
        kernel.Plugins.Add(writer);
        var result = await kernel.InvokeAsync("Writer", "Summarize", new KernelArguments { ["text"] = "The <b>quarterly</b> report." }, Ct);

        Assert.Equal(["Proofread", "Summarize"], writer.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["text", "length", "style"], writer["Summarize"].Metadata.Parameters.Select(p => p.Name));
        Assert.Equal("A summary.", result.GetValue<string>());
        var call = Assert.Single(client.Calls);
        Assert.Equal([ChatRole.System, ChatRole.User], call.Messages.Select(m => m.Role));
        Assert.Contains("Length: a short paragraph.", call.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("Summarize this text:\n\nThe <b>quarterly</b> report.", call.Messages[1].Text.ReplaceLineEndings("\n"));
        Assert.Equal(0.2f, call.Options!.Temperature);
        Assert.Equal(800, call.Options.MaxOutputTokens);
    }
}
