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
        using var source = new PromptPluginSource(kernel.Host, folder.Root);
        source.Reload();
        kernel.Host.Set(PluginFactory.Create(new PromptsStatusPlugin(source), "Prompts"));

        var result = await kernel.Host.Kernel.InvokeAsync("Prompts", "prompt_status", cancellationToken: TestContext.Current.CancellationToken);

        var report = Assert.IsType<PromptStatusReport>(result.GetValue<object>());
        Assert.Equal(new LoadedPrompt("W", "Ok", Path.Combine(folder.Root, "W", "Ok.yaml")), Assert.Single(report.Functions));
        var error = Assert.Single(report.Errors);
        Assert.Equal((broken, 2), (error.File, error.Line));
        Assert.True(kernel.Host.TryGetFunction("Prompts", "prompt_status", out _, out var function));
        Assert.True(function.GetTraits().ReadOnly);
        Assert.True(function.GetTraits().Idempotent);
    }
}
