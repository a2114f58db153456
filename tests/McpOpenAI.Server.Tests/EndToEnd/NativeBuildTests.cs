using System.Text.Json.Nodes;
using McpOpenAI.Server.Tests.Clients;
using McpOpenAI.Server.Tests.Infrastructure;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>
/// The build under test (<c>MCPOPENAI_TEST_SERVER</c>: the NativeAOT <c>mcp-openai</c>, say) against this build's JIT-compiled
/// <c>dotnet mcp-openai.dll</c>: the same tools and prompts, byte for byte.
/// </summary>
public sealed class NativeBuildTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    private const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";

    // tools/list and prompts/list with the shipped prompt files and agents; two handlebars prompts rendered (Handlebars.Net
    // runs interpreted in a native build), one with markup and quotes that must be encoded, one with a block helper.
    private static readonly string[] Requests =
    [
        """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
        """{"jsonrpc":"2.0","id":3,"method":"prompts/list"}""",
        """{"jsonrpc":"2.0","id":4,"method":"prompts/get","params":{"name":"rewrite","arguments":{"text":"Ship <b>today</b> & \"soon\"","tone":"formal","audience":"engineers"}}}""",
        """{"jsonrpc":"2.0","id":5,"method":"prompts/get","params":{"name":"brainstorm","arguments":{"topic":"names for a café","count":"3"}}}""",
    ];

    [Fact]
    public async Task TheTestedBuild_ListsAndRendersExactlyWhatTheJitBuildDoes()
    {
        if (ServerProcess.TestedBuild is not { } tested)
        {
            Assert.Skip("MCPOPENAI_TEST_SERVER names no other build to compare with this one.");
            return;
        }
        var ct = TestContext.Current.CancellationToken;
        var jit = await ExchangeAsync(ServerProcess.JitCommand, ct);
        var native = await ExchangeAsync([tested], ct);

        Assert.Contains("\"generate_image\"", jit[0], StringComparison.Ordinal);
        Assert.Contains("\"ask_database\"", jit[0], StringComparison.Ordinal);
        Assert.Contains("\"summarize\"", jit[1], StringComparison.Ordinal);
        Assert.Contains("Write for this audience: engineers.", jit[2], StringComparison.Ordinal);
        // The markup stays the user's text: encoded while rendering, so it makes no message of its own, and given back as written.
        var messages = JsonNode.Parse(jit[2])!["result"]!["messages"]!.AsArray();
        Assert.Equal(2, messages.Count);
        Assert.Equal("Ship <b>today</b> & \"soon\"", messages[1]!["content"]!["text"]!.GetValue<string>());
        Assert.Contains("Generate 3 distinct", jit[3], StringComparison.Ordinal);
        Assert.Equal(jit, native);
    }

    [Fact]
    public async Task TheNativeBuild_RefusesPluginAssemblies_NamingTheSetting()
    {
        if (!ServerProcess.TestedBuildIsNative)
        {
            Assert.Skip("The build under test is not a native (NativeAOT) one; it loads plugin assemblies.");
            return;
        }
        using var folder = new TempFolder();
        var outcome = await ProcessRunner.RunAsync(folder,
            new Dictionary<string, string?> { ["Server__PluginAssemblies__0"] = ServerProcess.TestPluginsDll }, [], TestContext.Current.CancellationToken);

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("Server:PluginAssemblies", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("NativeAOT", outcome.StandardError, StringComparison.Ordinal);
    }

    // The answers to Requests, each line exactly as the server wrote it.
    private static async Task<string[]> ExchangeAsync(IReadOnlyList<string> command, CancellationToken ct)
    {
        using var folder = new TempFolder();
        await using var server = RawStdioServer.Start(folder, command,
            new Dictionary<string, string?> { ["Server__PromptsPath"] = Path.Combine(NodeClients.RepositoryRoot, "prompts") });
        await server.SendAsync(Initialize);
        await server.ResponseAsync(1, ct);
        await server.SendAsync(Initialized);
        var lines = new List<string>();
        foreach (var (request, id) in Requests.Select((r, i) => (r, i + 2)))
        {
            await server.SendAsync(request);
            lines.Add((await server.ResponseLineAsync(id, ct)).Line);
        }
        return [.. lines];
    }
}
