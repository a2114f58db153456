using System.Text.Json;

namespace McpOpenAI.Server.Tests.Clients;

/// <summary>
/// The real server through the clients its users run: the official TypeScript SDK client (inside Claude Desktop, Claude
/// Code and the MCP Inspector), which rejects structuredContent that does not match a tool's outputSchema, and the
/// Inspector's CLI — over stdio and Streamable HTTP, against a fake OpenAI so every tool really works.
/// Scripts and example arguments: tests/clients, plugins/*/tool-examples.json, prompts/*/tool-examples.json.
/// </summary>
public sealed class TypeScriptClientMatrixTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TypeScriptSdk_OverStdio_EveryToolPromptAndResourcePasses()
    {
        await using var server = await MatrixServer.StartAsync(Ct);

        var outcome = await RunAsync("matrix.mjs", "ts-sdk-stdio", ["--stdio", "--", .. MatrixServer.Command], server.Environment);

        AssertPassed(outcome, "ts-sdk-stdio");
    }

    [Fact]
    public async Task TypeScriptSdk_OverHttp_EveryToolPromptAndResourcePasses()
    {
        await using var server = await MatrixServer.StartAsync(Ct);
        await using var http = await HttpServerProcess.StartAsync(MatrixServer.Command, server.Environment, Ct);

        var outcome = await RunAsync("matrix.mjs", "ts-sdk-http", ["--http", http.Endpoint.ToString()], new Dictionary<string, string?>());

        AssertPassed(outcome, "ts-sdk-http", http.Stderr);
    }

    [Fact]
    public async Task InspectorCli_OverStdioAndHttp_ListsAndCallsTools()
    {
        await using var server = await MatrixServer.StartAsync(Ct);
        var stdio = await RunAsync("inspector.mjs", "inspector-stdio", ["--stdio", "--", .. MatrixServer.Command], server.Environment);
        await using var http = await HttpServerProcess.StartAsync(MatrixServer.Command, server.Environment, Ct);
        var overHttp = await RunAsync("inspector.mjs", "inspector-http", ["--http", http.Endpoint.ToString()], new Dictionary<string, string?>());

        Assert.Multiple(() => AssertPassed(stdio, "inspector-stdio"), () => AssertPassed(overHttp, "inspector-http", http.Stderr));
    }

    private static async Task<NodeClients.Outcome> RunAsync(string script, string name, IEnumerable<string> arguments, IDictionary<string, string?> environment)
    {
        Directory.CreateDirectory(NodeClients.ResultsFolder);
        var report = Path.Combine(NodeClients.ResultsFolder, name + ".json");
        File.Delete(report);
        var outcome = await NodeClients.RunAsync(script, ["--report", report, .. arguments], environment, RunLimit, Ct);
        await File.WriteAllTextAsync(Path.Combine(NodeClients.ResultsFolder, name + ".summary"), outcome.Summary + "\n", Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(outcome.Summary);
        return outcome;
    }

    private static void AssertPassed(NodeClients.Outcome outcome, string name, string serverLog = "")
    {
        var report = Path.Combine(NodeClients.ResultsFolder, name + ".json");
        if (!File.Exists(report))
            Assert.Fail($"{name} wrote no report (exit code {outcome.ExitCode}).\n{outcome.StandardOutput}\n{outcome.StandardError}\n{serverLog}");
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var failures = json.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.True(failures.Length == 0 && outcome.ExitCode == 0,
            $"{outcome.Summary}\n{failures.Length} failures (report: {report}):\n- {string.Join("\n- ", failures)}");
    }
}
