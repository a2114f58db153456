using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;

namespace McpOpenAI.Kernel.Tests.Prompts;

public sealed class PromptsStatusPluginTests
{
    [Fact]
    public async Task PromptStatus_ListsLoadedAndErrors()
    {
        using var folder = new PromptTestFolder();
        folder.Write("W/Ok.yaml", "template: hi");
        var broken = folder.Write("W/Broken.yaml", "template: hi\nbogus: 1");
        var kernel = new PromptTestKernel();
        using var source = new PromptPluginSource(kernel.Kernel, folder.Root);
        source.Reload();
        kernel.Kernel.Plugins.Add(AIPlugin.FromObject(new PromptsStatusPlugin(source), "Prompts"));

        var result = await kernel.Kernel.InvokeAsync("Prompts", "prompt_status", cancellationToken: TestContext.Current.CancellationToken);

        var report = Assert.IsType<PromptStatusReport>(result);
        Assert.Equal(new LoadedPrompt("W", "Ok", Path.Combine(folder.Root, "W", "Ok.yaml")), Assert.Single(report.Functions));
        var error = Assert.Single(report.Errors);
        Assert.Equal((broken, 2), (error.File, error.Line));
        Assert.True(kernel.Kernel.TryGetFunction("Prompts", "prompt_status", out _, out var function));
        Assert.True(function.GetTraits().ReadOnly);
        Assert.True(function.GetTraits().Idempotent);
    }
}
