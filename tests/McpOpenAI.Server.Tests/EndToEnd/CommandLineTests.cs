using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.Server.Tests.Prompts;
using McpOpenAI.TestKit.FakeOpenAI;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>The mcp-openai command line: list, invoke, and start-up checks of the configuration.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Invoke_PromptFunction_StreamsTheAnswerToStdout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var openai = await FakeOpenAIServer.StartAsync(ct);
        openai.ChatReplies.Enqueue(FakeChatReply.FromText("Hello Ada, welcome!"));
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);

        var run = await ProcessRunner.RunAsync(folder, PromptToolEndToEndTests.OpenAIEnvironment(openai), ["invoke", "Greeter.greet", "--arg", "name=Ada"], ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Hello Ada, welcome!", run.StandardOutput.Trim());
        Assert.Equal("Greet Ada in English.", Assert.Single(openai.ChatRequests).Messages[1].Text);
    }

    [Fact]
    public async Task Invoke_ArgumentFromFile_ReadsTheFile()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var notes = folder.Write("notes.txt", "one two three four");

        var run = await ProcessRunner.RunAsync(folder, new Dictionary<string, string?>(), ["invoke", "Utility.text_stats", "--arg", $"text=@{notes}"], ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"words\": 4", run.StandardOutput);
    }

    [Fact]
    public async Task Invoke_UnknownFunction_ExitsWithUsageError()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();

        var run = await ProcessRunner.RunAsync(folder, new Dictionary<string, string?>(), ["invoke", "Nope.nothing"], ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no function 'Nope.nothing'", run.StandardError);
        Assert.Equal("", run.StandardOutput);
    }

    [Fact]
    public async Task List_ShowsPluginsFunctionsAndPromptFileErrors()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("prompts/Greeter/greet.yaml", PromptFiles.Greet);
        folder.Write("prompts/Greeter/broken.yaml", PromptFiles.Broken);

        var run = await ProcessRunner.RunAsync(folder, new Dictionary<string, string?>(), ["list"], ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("greet(name, language?) [open-world]", run.StandardOutput);
        Assert.Contains("text_stats(text) [read-only]", run.StandardOutput);
        Assert.Contains("broken.yaml:2", run.StandardOutput);
    }

    [Fact]
    public async Task Serve_InvalidBaseUrl_RefusesToStartAndNamesTheSetting()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();

        var run = await ProcessRunner.RunAsync(folder, new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = "not a url" }, [], ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("OPENAI_BASE_URL", run.StandardError);
        Assert.Contains("not a url", run.StandardError);
        Assert.Equal("", run.StandardOutput);
    }

    [Fact]
    public async Task Help_PrintsUsage()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();

        var run = await ProcessRunner.RunAsync(folder, new Dictionary<string, string?>(), ["--help"], ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("mcp-openai invoke <Plugin.function>", run.StandardOutput);
    }
}
