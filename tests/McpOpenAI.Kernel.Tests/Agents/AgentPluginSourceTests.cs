using McpOpenAI.Kernel.Agents;
using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.SemanticKernel;

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
        using var folder = new AgentFolder();
        folder.Write("helper.agent.yaml", Helper);
        folder.Write("second.agent.yaml", "instructions: Be brief.\ntools: [Text]\n");
        folder.Write("README.md", "# not an agent");
        using var source = new AgentPluginSource(test.Host, folder.Root);

        var result = source.Reload();

        Assert.Empty(result.Errors);
        Assert.True(test.Kernel.Plugins.TryGetPlugin("Agents", out var plugin));
        Assert.Equal(["helper", "second"], plugin.Select(f => f.Name).Order(StringComparer.Ordinal));
        var schema = ToolSchema.Of(plugin["helper"]).InputSchema.GetRawText();
        Assert.Contains("\"session\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"question\"", schema, StringComparison.Ordinal);
        Assert.Equal([new LoadedPrompt("Agents", "helper", Path.Combine(folder.Root, "helper.agent.yaml")), new LoadedPrompt("Agents", "second", Path.Combine(folder.Root, "second.agent.yaml"))],
            source.Loaded);
    }

    [Fact]
    public void Reload_BrokenFiles_ReportFileAndLineAndKeepTheRest()
    {
        var test = new AgentTestKernel();
        using var folder = new AgentFolder();
        folder.Write("helper.agent.yaml", Helper);
        var badKey = folder.Write("bad_key.agent.yaml", "instructions: hi\nmodel: x\n");
        var badTool = folder.Write("bad_tool.agent.yaml", "instructions: hi\ntools:\n  - Test\n  - Nowhere.thing\n");
        var badVariable = folder.Write("bad_var.agent.yaml", "input_variables:\n  - name: a\ninstructions: |\n  fine\n  uses {{$b}}\n");
        var badCall = folder.Write("bad_call.agent.yaml", "instructions: |\n  line\n  {{Nowhere.thing}}\n");
        using var source = new AgentPluginSource(test.Host, folder.Root);

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
        using var folder = new AgentFolder();
        using var source = new AgentPluginSource(test.Host, folder.Root) { DebounceDelay = TimeSpan.FromMilliseconds(50) };
        source.StartWatching();
        Assert.False(test.Kernel.Plugins.Contains("Agents"));

        var path = folder.Write("helper.agent.yaml", Helper);
        await WaitFor(() => test.Kernel.Plugins.TryGetPlugin("Agents", out var p) && p.FunctionCount == 1, ct);
        File.Delete(path);
        await WaitFor(() => !test.Kernel.Plugins.Contains("Agents"), ct);
    }

    [Fact]
    public async Task StartWatching_ToolPluginArrivesLater_AgentLoadsThen()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = new AgentTestKernel();
        using var folder = new AgentFolder();
        folder.Write("late.agent.yaml", "instructions: hi\ntools: [Late]\n");
        using var source = new AgentPluginSource(test.Host, folder.Root) { DebounceDelay = TimeSpan.FromMilliseconds(50) };
        source.StartWatching();
        Assert.Single(source.Errors);

        test.Host.Set(PluginFactory.Create(new AgentTextPlugin(), "Late"));

        await WaitFor(() => test.Kernel.Plugins.Contains("Agents"), ct);
        Assert.Empty(source.Errors);
    }

    [Fact]
    public void Reload_Unchanged_KeepsThePluginInstance()
    {
        var test = new AgentTestKernel();
        using var folder = new AgentFolder();
        folder.Write("helper.agent.yaml", Helper);
        using var source = new AgentPluginSource(test.Host, folder.Root);
        source.Reload();
        test.Kernel.Plugins.TryGetPlugin("Agents", out var first);
        var changes = 0;
        test.Host.Changed += (_, _) => changes++;

        source.Reload();

        test.Kernel.Plugins.TryGetPlugin("Agents", out var second);
        Assert.Same(first, second);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Reload_AnotherPluginNamedAgents_IsReportedAndLeftAlone()
    {
        var test = new AgentTestKernel();
        var theirs = PluginFactory.Create(new AgentTextPlugin(), "Agents");
        test.Host.Set(theirs);
        using var folder = new AgentFolder();
        folder.Write("helper.agent.yaml", Helper);
        using var source = new AgentPluginSource(test.Host, folder.Root);

        var result = source.Reload();

        Assert.Contains(result.Errors, e => e.Message.Contains("Another plugin is already named 'Agents'", StringComparison.Ordinal));
        Assert.True(test.Kernel.Plugins.TryGetPlugin("Agents", out var plugin));
        Assert.Same(theirs, plugin);
    }

    [Fact]
    public void Reload_ToolOfAnExternalPluginNotYetConnected_LoadsTheAgent()
    {
        var test = new AgentTestKernel();
        using var folder = new AgentFolder();
        folder.Write("remote.agent.yaml", "instructions: hi\ntools: [Remote.text_stats, Test]\n");
        using var source = new AgentPluginSource(test.Host, folder.Root, external: new ExternalPlugins("Remote", "it is connecting"));

        var result = source.Reload();

        Assert.Empty(result.Errors);
        var agent = Assert.Single(result.Agents);
        var error = Assert.Throws<McpOpenAI.Kernel.Errors.FunctionException>(() => agent.ResolveTools(test.Kernel));
        Assert.Contains("'Remote.text_stats'", error.Message, StringComparison.Ordinal);
        Assert.Contains("it is connecting", error.Message, StringComparison.Ordinal);
    }

    private sealed class ExternalPlugins(string name, string status) : IExternalPlugins
    {
        public string? StatusOf(string pluginName) => string.Equals(pluginName, name, StringComparison.OrdinalIgnoreCase) ? status : null;
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
