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

    [Fact]
    public async Task TheTestedBuild_ListsExactlyWhatTheJitBuildLists()
    {
        if (ServerProcess.TestedBuild is not { } tested)
        {
            Assert.Skip("MCPOPENAI_TEST_SERVER names no other build to compare with this one.");
            return;
        }
        var ct = TestContext.Current.CancellationToken;
        var jit = await ListAsync(ServerProcess.JitCommand, ct);
        var native = await ListAsync([tested], ct);

        Assert.Contains("\"generate_image\"", jit.Tools, StringComparison.Ordinal);
        Assert.Contains("\"ask_database\"", jit.Tools, StringComparison.Ordinal);
        Assert.Contains("\"summarize\"", jit.Prompts, StringComparison.Ordinal);
        Assert.Equal(jit.Tools, native.Tools);
        Assert.Equal(jit.Prompts, native.Prompts);
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

    // tools/list and prompts/list as the server writes them, with the shipped prompt files and agents.
    private static async Task<(string Tools, string Prompts)> ListAsync(IReadOnlyList<string> command, CancellationToken ct)
    {
        using var folder = new TempFolder();
        await using var server = RawStdioServer.Start(folder, command,
            new Dictionary<string, string?> { ["Server__PromptsPath"] = Path.Combine(NodeClients.RepositoryRoot, "prompts") });
        await server.SendAsync(Initialize);
        await server.ResponseAsync(1, ct);
        await server.SendAsync(Initialized);
        await server.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""");
        await server.SendAsync("""{"jsonrpc":"2.0","id":3,"method":"prompts/list"}""");
        return ((await server.ResponseLineAsync(2, ct)).Line, (await server.ResponseLineAsync(3, ct)).Line);
    }
}
