using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Tests.Prompts;

namespace McpOpenAI.Kernel.Tests.Agents;

public sealed class AgentPluginSourceTests
{
    private const string Helper = """
        name: helper
        description: Looks things up.
        input_variables:
          - name: question
        instructions: |
          Answer {{$question}} using the tools.
        tools:
          - Test.lookup
        """;

    [Fact]
    public void Reload_Folder_AddsOneAgentsPlugin()
    {
        var test = new AgentTestKernel();
        using var folder = new PromptTestFolder();
        folder.Write("helper.agent.yaml", Helper);
        folder.Write("second.agent.yaml", "instructions: Be brief.\ntools: [Text]\n");
        folder.Write("README.md", "# not an agent");
        using var source = new AgentPluginSource(test.Kernel, folder.Root);

        var result = source.Reload();

        Assert.Empty(result.Errors);
        Assert.True(test.Kernel.Plugins.TryGet("Agents", out var plugin));
        Assert.Equal(["helper", "second"], plugin.Functions.Select(f => f.Name));
        Assert.Contains("\"session\"", plugin.Functions[0].JsonSchema.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("\"question\"", plugin.Functions[0].JsonSchema.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_BrokenFiles_ReportFileAndLineAndKeepTheRest()
    {
        var test = new AgentTestKernel();
        using var folder = new PromptTestFolder();
        folder.Write("helper.agent.yaml", Helper);
        var badKey = folder.Write("bad_key.agent.yaml", "instructions: hi\nmodel: x\n");
        var badTool = folder.Write("bad_tool.agent.yaml", "instructions: hi\ntools:\n  - Test\n  - Nowhere.thing\n");
        var badVariable = folder.Write("bad_var.agent.yaml", "input_variables:\n  - name: a\ninstructions: |\n  fine\n  uses {{$b}}\n");
        var badCall = folder.Write("bad_call.agent.yaml", "instructions: |\n  line\n  {{Nowhere.thing}}\n");
        using var source = new AgentPluginSource(test.Kernel, folder.Root);

        var result = source.Reload();

        Assert.Equal(["helper"], result.Agents.Select(a => a.Name));
        Assert.Contains(result.Errors, e => e.File == badKey && e.Line == 2 && e.Message.Contains("Unknown key 'model'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == badTool && e.Line == 4 && e.Message.Contains("'Nowhere.thing' matches no loaded function", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == badVariable && e.Line == 5 && e.Message.Contains("{{$b}}", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == badCall && e.Line == 3 && e.Message.Contains("'Nowhere.thing'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartWatching_FileAddedThenRemoved_PluginFollows()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = new AgentTestKernel();
        using var folder = new PromptTestFolder();
        using var source = new AgentPluginSource(test.Kernel, folder.Root) { DebounceDelay = TimeSpan.FromMilliseconds(50) };
        source.StartWatching();
        Assert.False(test.Kernel.Plugins.TryGet("Agents", out _));

        var path = folder.Write("helper.agent.yaml", Helper);
        await WaitFor(() => test.Kernel.Plugins.TryGet("Agents", out var p) && p.Functions.Count == 1, ct);
        File.Delete(path);
        await WaitFor(() => !test.Kernel.Plugins.TryGet("Agents", out _), ct);
    }

    [Fact]
    public async Task StartWatching_ToolPluginArrivesLater_AgentLoadsThen()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = new AgentTestKernel();
        using var folder = new PromptTestFolder();
        folder.Write("late.agent.yaml", "instructions: hi\ntools: [Late]\n");
        using var source = new AgentPluginSource(test.Kernel, folder.Root) { DebounceDelay = TimeSpan.FromMilliseconds(50) };
        source.StartWatching();
        Assert.Single(source.Errors);

        test.Kernel.Plugins.Add(McpOpenAI.Kernel.Plugins.AIPlugin.FromObject(new TestTextPlugin(), "Late"));

        await WaitFor(() => test.Kernel.Plugins.TryGet("Agents", out _), ct);
        Assert.Empty(source.Errors);
    }

    [Fact]
    public void Reload_Unchanged_KeepsThePluginInstance()
    {
        var test = new AgentTestKernel();
        using var folder = new PromptTestFolder();
        folder.Write("helper.agent.yaml", Helper);
        using var source = new AgentPluginSource(test.Kernel, folder.Root);
        source.Reload();
        test.Kernel.Plugins.TryGet("Agents", out var first);
        var changes = 0;
        test.Kernel.Plugins.Changed += (_, _) => changes++;

        source.Reload();

        test.Kernel.Plugins.TryGet("Agents", out var second);
        Assert.Same(first, second);
        Assert.Equal(0, changes);
    }

    internal static async Task WaitFor(Func<bool> condition, CancellationToken ct)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition was not met in time.");
            await Task.Delay(25, ct);
        }
    }
}
