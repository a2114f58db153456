using McpOpenAI.Kernel.Plugins;
using McpOpenAI.Kernel.Prompts;
using Microsoft.SemanticKernel;

namespace McpOpenAI.Kernel.Tests.Prompts;

public sealed class PromptPluginSourceTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly PromptTestFolder _folder = new();
    private readonly PromptTestKernel _kernel = new();

    public void Dispose() => _folder.Dispose();

    private PromptPluginSource CreateSource(string? root = null) => new(_kernel.Host, root ?? _folder.Root);

    private static string Yaml(string name, string template = "Hello {{$who}}", string extra = "") => $"""
        name: {name}
        description: Says hello.
        template: "{template}"
        {extra}
        """;

    [Fact]
    public void Reload_BothFormats_LoadsOnePluginPerFolder()
    {
        _folder.Write("Writer/Greet.yaml", Yaml("Greet"));
        _folder.Write("Writer/Shout/skprompt.txt", "{{$input}}!");
        _folder.Write("Writer/Shout/config.json", """{ "description": "Shouts.", "input_variables": [ { "name": "input" } ] }""");
        _folder.Write("Other/Plain/skprompt.txt", "No config here {{$input}}");
        using var source = CreateSource();

        var result = source.Reload();

        Assert.Empty(result.Errors);
        var writer = Assert.IsType<PromptPlugin>(Plugin("Writer"));
        Assert.Equal(Path.Combine(_folder.Root, "Writer"), writer.Source);
        Assert.Equal(["Greet", "Shout"], writer.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Shouts.", writer["Shout"].Description);
        Assert.True(_kernel.Host.TryGetFunction("Other", "Plain", out _, out var plain));
        Assert.Equal(["input"], plain.Metadata.Parameters.Select(v => v.Name));
        Assert.Contains(source.Loaded, l => l == new LoadedPrompt("Writer", "Shout", Path.Combine(_folder.Root, "Writer", "Shout", "skprompt.txt")));
    }

    [Fact]
    public void Reload_YamlWithoutName_UsesFileName()
    {
        _folder.Write("Writer/Nameless.yml", "template: hi");
        using var source = CreateSource();

        source.Reload();

        Assert.True(_kernel.Host.TryGetFunction("Writer", "Nameless", out _, out _));
    }

    [Fact]
    public void Reload_AgentYaml_SkippedSilently()
    {
        _folder.Write("Agents/research.agent.yaml", "anything: [ not a prompt");
        _folder.Write("Agents/Ok.yaml", Yaml("Ok"));
        using var source = CreateSource();

        var result = source.Reload();

        Assert.Empty(result.Errors);
        Assert.Equal(["Ok"], Plugin("Agents")!.Select(f => f.Name));
    }

    [Fact]
    public void Reload_BrokenFiles_ReportedWithFileAndLine_OthersLoad()
    {
        var badYaml = _folder.Write("Bad/BadYaml.yaml", "name: BadYaml\ntemplate: a: b\ndescription: x\n");
        var badJson = _folder.Write("Bad/BadJson/config.json", "{\n  \"description\": \"x\"\n  \"oops\": 1\n}");
        _folder.Write("Bad/BadJson/skprompt.txt", "hi");
        var unknownKey = _folder.Write("Bad/UnknownKey.yaml", "template: hi\ncolour: red\n");
        var unknownVar = _folder.Write("Bad/UnknownVar.yaml", "name: UnknownVar\ntemplate: |\n  Hello\n  {{$b}}\ninput_variables:\n  - name: a\n");
        var unknownFn = _folder.Write("Bad/UnknownFn/skprompt.txt", "first\n  {{Nope.fn $input}}");
        var unterminated = _folder.Write("Bad/Unterminated/skprompt.txt", "line1\n{{$x");
        var badSetting = _folder.Write("Bad/BadSetting.yaml", "template: hi\nexecution_settings:\n  default:\n    temperature: hot\n");
        _folder.Write("Bad/Fine.yaml", Yaml("Fine"));
        _folder.Write("Good/Ok.yaml", Yaml("Ok"));
        using var source = CreateSource();

        var result = source.Reload();

        AssertError(result, badYaml, 2, "Invalid YAML");
        AssertError(result, badJson, 3, "Invalid JSON");
        AssertError(result, unknownKey, 2, "colour");
        AssertError(result, unknownVar, 4, "{{$b}}");
        AssertError(result, unknownFn, 2, "Nope.fn");
        AssertError(result, unterminated, 2, "never closed");
        AssertError(result, badSetting, 4, "temperature");
        Assert.Equal(7, result.Errors.Count);
        Assert.Equal(["Fine"], Plugin("Bad")!.Select(f => f.Name));
        Assert.True(_kernel.Host.TryGetFunction("Good", "Ok", out _, out _));
        Assert.Equal(result.Errors, source.Errors);
    }

    private static void AssertError(PromptReloadedEventArgs result, string file, int line, string text)
    {
        var error = Assert.Single(result.Errors, e => e.File == file);
        Assert.Equal(line, error.Line);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.False(error.IsWarning);
    }

    [Fact]
    public void Reload_UnterminatedTagInSkprompt_ReportsColumn()
    {
        var file = _folder.Write("Bad/Tag/skprompt.txt", "abc\n  x {{$v");
        using var source = CreateSource();

        var error = Assert.Single(source.Reload().Errors);

        Assert.Equal((file, 2, 5), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Reload_HandlebarsUnknownVariableAndFunction_Reported()
    {
        var variable = _folder.Write("Hb/Var.yaml", "template_format: handlebars\ntemplate: |\n  {{topic}} {{typo}}\ninput_variables:\n  - name: topic\n");
        var function = _folder.Write("Hb/Fn.yaml", "template_format: handlebars\ntemplate: |\n  ok\n  {{Nope-fn topic}}\n");
        _folder.Write("Hb/Good.yaml", "template_format: handlebars\ntemplate: \"{{#each items}}{{this.name}}{{/each}} {{Text-upper topic}}\"\n");
        using var source = CreateSource();

        var result = source.Reload();

        AssertError(result, variable, 3, "typo");
        AssertError(result, function, 4, "Nope-fn");
        Assert.True(_kernel.Host.TryGetFunction("Hb", "Good", out _, out _));
    }

    [Fact]
    public void Reload_UnknownKeyInConfigJson_WarnsAndLoads()
    {
        var config = _folder.Write("W/F/config.json", "{\n  \"descripton\": \"typo\"\n}");
        _folder.Write("W/F/skprompt.txt", "hi");
        using var source = CreateSource();

        var warning = Assert.Single(source.Reload().Errors);

        Assert.True(warning.IsWarning);
        Assert.Equal((config, 2), (warning.File, warning.Line));
        Assert.True(_kernel.Host.TryGetFunction("W", "F", out _, out _));
    }

    [Fact]
    public void Reload_DuplicateFunctionName_SecondReported()
    {
        _folder.Write("W/Same/skprompt.txt", "one");
        var yaml = _folder.Write("W/Same.yaml", "template: two");
        using var source = CreateSource();

        var error = Assert.Single(source.Reload().Errors);

        Assert.Equal(yaml, error.File);
        Assert.Contains("already has a function 'Same'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_PromptCallsPromptInAnotherFile_Loads_AndCallerOfBrokenPromptFails()
    {
        _folder.Write("A/Caller.yaml", "template: \"{{B.Callee 'x'}}\"");
        _folder.Write("B/Callee.yaml", "template: \"{{$input}}\"");
        _folder.Write("A/Chain.yaml", "template: \"{{B.Broken}}\"");
        _folder.Write("B/Broken.yaml", "template: \"{{$input\"");
        using var source = CreateSource();

        var result = source.Reload();

        Assert.Equal(2, result.Errors.Count);
        Assert.True(_kernel.Host.TryGetFunction("A", "Caller", out _, out _));
        Assert.False(_kernel.Host.TryGetFunction("A", "Chain", out _, out _));
    }

    [Fact]
    public void Reload_FolderNamedLikeNativePlugin_ErrorAndNativeKept()
    {
        var native = Assert.Single(_kernel.Host.Plugins);
        _folder.Write("Text/Upper.yaml", Yaml("Upper"));
        using var source = CreateSource();

        var error = Assert.Single(source.Reload().Errors);

        Assert.Equal(Path.Combine(_folder.Root, "Text"), error.File);
        Assert.Same(native, Assert.Single(_kernel.Host.Plugins));
    }

    [Fact]
    public void Reload_FolderNamedLikeNativePluginWithOnlyAgentFiles_IsNotAPromptPluginAndNoError()
    {
        var native = Assert.Single(_kernel.Host.Plugins);
        _folder.Write("Text/helper.agent.yaml", "name: helper");
        _folder.Write("Text/README.md", "Agent definitions live here.");
        using var source = CreateSource();

        var result = source.Reload();

        Assert.Empty(result.Errors);
        Assert.Same(native, Assert.Single(_kernel.Host.Plugins));
    }

    [Fact]
    public void Reload_Unchanged_NoChangedEvent_Changed_OneEvent()
    {
        _folder.Write("W/A.yaml", Yaml("A"));
        _folder.Write("W/B.yaml", Yaml("B"));
        _folder.Write("V/C.yaml", Yaml("C"));
        using var source = CreateSource();
        source.Reload();
        var events = 0;
        _kernel.Host.Changed += (_, _) => events++;

        source.Reload();
        Assert.Equal(0, events);

        _folder.Write("W/B.yaml", Yaml("B", "Changed {{$who}}"));
        File.Delete(Path.Combine(_folder.Root, "V", "C.yaml"));
        source.Reload();
        Assert.Equal(1, events);
        Assert.Null(Plugin("V"));
    }

    [Fact]
    public void Reload_RootMissing_LoadsNothing()
    {
        using var source = CreateSource(Path.Combine(_folder.Root, "not-there"));

        var result = source.Reload();

        Assert.Empty(result.Loaded);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Reload_NeverRemovesPluginsItDidNotCreate()
    {
        _folder.Write("W/A.yaml", Yaml("A"));
        using var source = CreateSource();
        source.Reload();
        var replacement = KernelPluginFactory.CreateFromFunctions("W", "someone else's", [KernelFunctionFactory.CreateFromMethod(() => "x", "x")]);
        _kernel.Host.Set(replacement);

        Directory.Delete(Path.Combine(_folder.Root, "W"), recursive: true);
        source.Reload();

        Assert.Same(replacement, Plugin("W"));
    }

    [Fact]
    public async Task Watch_AddEditRenameDelete_ReflectedInKernel()
    {
        _folder.Write("W/A.yaml", Yaml("A"));
        using var source = CreateSource();
        source.StartWatching();
        Assert.True(Has("W", "A"));

        // No 'name' key: the file name is the function name, so a rename renames the function.
        _folder.Write("W/B.yaml", "description: First.\ntemplate: hi");
        await WaitUntil(() => Has("W", "B"));

        _folder.Write("W/B.yaml", "description: Edited.\ntemplate: hi");
        await WaitUntil(() => _kernel.Host.TryGetFunction("W", "B", out _, out var f) && f.Description == "Edited.");

        File.Move(Path.Combine(_folder.Root, "W", "B.yaml"), Path.Combine(_folder.Root, "W", "C.yaml"));
        await WaitUntil(() => !Has("W", "B") && Has("W", "C"));

        File.Delete(Path.Combine(_folder.Root, "W", "C.yaml"));
        await WaitUntil(() => !Has("W", "C") && Has("W", "A"));

        _folder.Write("New/Fresh/skprompt.txt", "fresh {{$input}}");
        await WaitUntil(() => Has("New", "Fresh"));

        Directory.Delete(Path.Combine(_folder.Root, "New"), recursive: true);
        await WaitUntil(() => Plugin("New") is null);
    }

    [Fact]
    public async Task Watch_EditorSavesViaTempFileAndRename_Reloaded()
    {
        _folder.Write("W/A.yaml", Yaml("A"));
        using var source = CreateSource();
        source.StartWatching();

        var temp = _folder.Write("W/.A.yaml.swp", Yaml("A").Replace("Says hello.", "Saved by editor.", StringComparison.Ordinal));
        File.Move(temp, Path.Combine(_folder.Root, "W", "A.yaml"), overwrite: true);

        await WaitUntil(() => _kernel.Host.TryGetFunction("W", "A", out _, out var f) && f.Description == "Saved by editor.");
    }

    [Fact]
    public async Task Watch_BrokenEdit_ErrorReportedAndFixRestoresFunction()
    {
        var file = _folder.Write("W/A.yaml", Yaml("A"));
        using var source = CreateSource();
        var reloads = 0;
        source.Reloaded += (_, _) => Interlocked.Increment(ref reloads);
        source.StartWatching();

        File.WriteAllText(file, "template: [broken");
        await WaitUntil(() => !Has("W", "A") && source.Errors.Any(e => e.File == file));

        File.WriteAllText(file, Yaml("A"));
        await WaitUntil(() => Has("W", "A") && source.Errors.Count == 0);
        Assert.True(reloads >= 3);
    }

    [Fact]
    public async Task Watch_RootCreatedLater_Loaded()
    {
        var root = Path.Combine(_folder.Root, "later", "prompts");
        using var source = CreateSource(root);
        source.StartWatching();
        Assert.Empty(source.Loaded);

        Directory.CreateDirectory(root);
        await Task.Delay(300, Ct);
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "W")).FullName, "A.yaml"), Yaml("A"));

        await WaitUntil(() => Has("W", "A"));
    }

    [Fact]
    public async Task Watch_NativePluginAddedLater_PromptCallingItLoads()
    {
        _folder.Write("W/UsesLate.yaml", "template: \"{{Late.upper 'x'}}\"");
        using var source = CreateSource();
        source.StartWatching();
        Assert.Single(source.Errors);

        _kernel.Host.Set(PluginFactory.Create(new TestTextPlugin(), "Late"));

        await WaitUntil(() => Has("W", "UsesLate") && source.Errors.Count == 0);
    }

    [Fact]
    public async Task Watch_PluginTheFilesDoNotName_NoReload_OneTheyCall_Reloads()
    {
        _folder.Write("W/UsesLate.yaml", "template: \"{{Late.upper 'x'}}\"");
        _folder.Write("W/Plain.yaml", Yaml("Plain"));
        using var source = CreateSource();
        var reloads = 0;
        source.Reloaded += (_, _) => Interlocked.Increment(ref reloads);
        source.StartWatching();
        Assert.Equal(1, reloads);

        // The agents' plugin arrives after the prompt files at every start; it used to read them all again.
        _kernel.Host.Set(PluginFactory.Create(new TestTextPlugin(), "Unrelated"));
        await Task.Delay(source.DebounceDelay * 3, Ct);
        Assert.Equal(1, reloads);

        _kernel.Host.Set(PluginFactory.Create(new TestTextPlugin(), "Late"));
        await WaitUntil(() => Has("W", "UsesLate"));
        Assert.Equal(2, reloads);
    }

    private bool Has(string plugin, string function) => _kernel.Host.TryGetFunction(plugin, function, out _, out _);

    private KernelPlugin? Plugin(string name) => _kernel.Host.Plugins.FirstOrDefault(p => p.Name == name);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The prompts folder change did not reach the kernel within 5 seconds.");
            await Task.Delay(25, Ct);
        }
    }
}
