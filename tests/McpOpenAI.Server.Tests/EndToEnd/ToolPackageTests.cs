using System.Collections.Concurrent;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using McpOpenAI.Server.Hosting;
using McpOpenAI.Server.Tests.Infrastructure;
using McpOpenAI.Server.Tests.Prompts;
using McpOpenAI.TestKit.Mcp;
using ModelContextProtocol.Client;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>
/// The McpOpenAI tool packages: what they hold, the command <c>dotnet tool install</c> makes of them (on linux-x64 the
/// native package, elsewhere the framework-dependent fallback), and <c>dnx McpOpenAI</c>, each started over stdio the way
/// an MCP client starts it, from a folder with no prompts of its own.
/// </summary>
[Collection(ToolPackageCollection.Name)]
public sealed class ToolPackageTests(PackedTool tool)
{
    private static readonly string[] WriterFunctions = ["summarize", "translate", "rewrite", "proofread", "brainstorm"];
    private static readonly string[] Agents = ["ask_database", "research", "support"];
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(1);
    private static readonly string[] PackagedFiles = ["appsettings.json", "prompts/Writer/Translate.yaml",
        "prompts/Writer/Summarize/skprompt.txt", "prompts/Agents/research.agent.yaml", "corpus/policies/warranty.md"];

    [Fact]
    public void Package_IsAnMcpServerTool_WhoseServerJsonNamesItAndItsVersion()
    {
        using var serverJson = JsonDocument.Parse(tool.ReadEntry(".mcp/server.json"));
        var server = serverJson.RootElement;
        var package = Assert.Single(server.GetProperty("packages").EnumerateArray());
        var variables = package.GetProperty("environmentVariables").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        var entries = tool.Entries();
        TestContext.Current.TestOutputHelper?.WriteLine($"dotnet pack: {tool.PackTime.TotalSeconds:0.0} s, dotnet tool install: {tool.InstallTime.TotalSeconds:0.0} s, " +
            string.Join(", ", new[] { "linux-x64", "any" }.Select(rid => $"{Path.GetFileName(tool.RidPackage(rid))}: {new FileInfo(tool.RidPackage(rid)).Length / 1e6:0.0} MB")));

        Assert.Equal(ServerHost.Version, tool.Version);
        Assert.Equal($"McpOpenAI.{tool.Version}.nupkg", Path.GetFileName(tool.Package));
        Assert.Equal(["DotnetTool", "McpServer"], tool.Metadata("packageTypes").Elements().Select(e => e.Attribute("name")!.Value));
        Assert.Equal("MIT", tool.Metadata("license").Value);

        Assert.Matches("^io\\.github\\.[a-z0-9-]+/mcp-openai$", server.GetProperty("name").GetString());
        Assert.Equal(tool.Version, server.GetProperty("version").GetString());
        Assert.Equal("nuget", package.GetProperty("registryType").GetString());
        Assert.Equal("McpOpenAI", package.GetProperty("identifier").GetString());
        Assert.Equal(tool.Version, package.GetProperty("version").GetString());
        Assert.Equal("stdio", package.GetProperty("transport").GetProperty("type").GetString());
        Assert.True(variables["OPENAI_API_KEY"].GetProperty("isSecret").GetBoolean());
        Assert.All(["OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT", "OpenAI__ChatModel", "Server__PromptsPath"], name => Assert.Contains(name, variables.Keys));

        // The pointer package holds no program: it names the package for each runtime identifier, any being the fallback.
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith(".dll", StringComparison.Ordinal) || e.StartsWith("content", StringComparison.Ordinal));
        var settings = XDocument.Parse(tool.ReadEntry(Assert.Single(entries, e => e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal))));
        Assert.Equal(["linux-x64=McpOpenAI.linux-x64", "any=McpOpenAI.any"],
            settings.Descendants("RuntimeIdentifierPackage").Select(p => $"{p.Attribute("RuntimeIdentifier")!.Value}={p.Attribute("Id")!.Value}"));
    }

    [Fact]
    public void RidPackages_HoldTheProgram_NativeForLinuxX64_AndFrameworkDependentForAnyOtherPlatform()
    {
        foreach (var rid in new[] { "linux-x64", "any" })
        {
            var package = tool.RidPackage(rid);
            var entries = tool.Entries(package);
            // A NativeAOT tool is self-contained: the SDK files it under tools/any/<rid>, a framework-dependent one under tools/net10.0/any.
            var native = rid != "any";
            var app = native ? $"tools/any/{rid}/" : "tools/net10.0/any/";
            Assert.Equal(["DotnetToolRidPackage"], tool.Metadata("packageTypes", package).Elements().Select(e => e.Attribute("name")!.Value));
            Assert.Equal(tool.Version, tool.Metadata("version", package).Value);
            Assert.All(PackagedFiles, file => Assert.Contains(app + file, entries));
            Assert.DoesNotContain(entries, e => e.StartsWith("content", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.StartsWith(app + "runtimes/", StringComparison.Ordinal) && (e.EndsWith(".pdb", StringComparison.Ordinal) || e.Contains("android", StringComparison.Ordinal)));
            var command = XDocument.Parse(tool.ReadEntry(app + "DotnetToolSettings.xml", package)).Descendants("Command").Single();
            if (native)
            {
                // One native program: no assemblies, no runtime configuration, no debug symbols (mcp-openai.dbg alone is ~130 MB).
                Assert.Equal("mcp-openai", command.Attribute("EntryPoint")!.Value);
                Assert.Equal("executable", command.Attribute("Runner")!.Value);
                Assert.Equal("\u007fELF"u8.ToArray(), tool.ReadBytes(app + "mcp-openai", package)[..4]);
                Assert.DoesNotContain(entries, e => e.EndsWith(".dll", StringComparison.Ordinal) || e.EndsWith(".pdb", StringComparison.Ordinal)
                    || e.EndsWith(".dbg", StringComparison.Ordinal) || e.EndsWith(".runtimeconfig.json", StringComparison.Ordinal));
                // Its own native libraries only, flat beside the program.
                Assert.Contains(app + "libe_sqlite3.so", entries);
                Assert.DoesNotContain(entries, e => e.Contains("/runtimes/", StringComparison.Ordinal));
            }
            else
            {
                // Framework-dependent and JIT-compiled: the runtime that runs dotnet tool runs the server too (RollForward Major).
                Assert.Equal("mcp-openai.dll", command.Attribute("EntryPoint")!.Value);
                Assert.Contains(app + "mcp-openai.runtimeconfig.json", entries);
                Assert.False(IsReadyToRun(tool.ReadBytes(app + "mcp-openai.dll", package)));
            }
        }
    }

    // McpOpenAI, as users install it, gets the package for this machine: the native one on linux-x64, else the fallback;
    // McpOpenAI.any installed by name is that fallback, run here too.
    [Theory]
    [InlineData("McpOpenAI")]
    [InlineData("McpOpenAI.any")]
    public async Task InstalledTool_OverStdio_ServesThePackagedPromptsAndAgents_AndReportsThePackageVersion(string package)
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var fallback = package.EndsWith(".any", StringComparison.Ordinal);
        var toolPath = fallback ? tool.FallbackToolPath : tool.ToolPath;
        await using var client = await ConnectAsync(fallback ? tool.FallbackCommand : tool.Command, [], folder, ct);

        var tools = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToArray();
        var prompts = (await client.ListPromptsAsync(cancellationToken: ct)).Select(p => p.Name).ToArray();
        var status = await client.CallToolAsync("prompt_status", new Dictionary<string, object?>(), cancellationToken: ct);

        Assert.Equal("mcp-openai", client.ServerInfo!.Name);
        Assert.Equal(tool.Version, client.ServerInfo!.Version);
        Assert.All([.. WriterFunctions, .. Agents, "generate_image", "search_documents"], name => Assert.Contains(name, tools));
        Assert.All(WriterFunctions, name => Assert.Contains(name, prompts));
        // Found beside the installed program, in the tool store: AppContext.BaseDirectory, not the repository.
        var root = status.StructuredContent!.Value.GetProperty("root").GetString()!;
        Assert.StartsWith(Path.Combine(toolPath, ".store") + Path.DirectorySeparatorChar, root);
        Assert.Empty(status.StructuredContent!.Value.GetProperty("errors").EnumerateArray());
        var chosen = fallback || RuntimeInformation.RuntimeIdentifier != "linux-x64" ? "mcpopenai.any" : "mcpopenai.linux-x64";
        Assert.Contains(Path.DirectorySeparatorChar + chosen + Path.DirectorySeparatorChar, root);
    }

    [Fact]
    public async Task InstalledTool_PrintsItsVersion_AndAUsersPromptsFolderReplacesTheShippedOne()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        folder.Write("mine/Greeter/greet.yaml", PromptFiles.Greet);
        var environment = ServerEnvironment(folder);

        var flag = await PackedTool.RunAsync(tool.Command, ["--version"], environment, CommandLimit, folder.Path, ct);
        var verb = await PackedTool.RunAsync(tool.Command, ["version"], environment, CommandLimit, folder.Path, ct);
        var list = await PackedTool.RunAsync(tool.Command, ["list", "--prompts", folder.Combine("mine")], environment, CommandLimit, folder.Path, ct);

        Assert.Equal(tool.Version, flag.Trim());
        Assert.Equal(tool.Version, verb.Trim());
        Assert.Contains("greet(name, language?)", list);
        Assert.DoesNotContain("summarize(", list);
        Assert.Contains("text_stats(", list);
    }

    [Fact]
    public async Task Dnx_RunsThePackageFromTheLocalFolder_AsAnMcpClientWould()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        await using var client = await ConnectAsync("dotnet",
            ["dnx", "McpOpenAI", "--version", tool.Version, "--configfile", tool.NuGetConfig, "--yes"], folder, ct);

        var tools = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToArray();

        Assert.Equal(tool.Version, client.ServerInfo!.Version);
        Assert.All([.. WriterFunctions, .. Agents], name => Assert.Contains(name, tools));
    }

    // A ReadyToRun assembly carries precompiled code: its CLI header names a managed native header.
    private static bool IsReadyToRun(byte[] assembly)
    {
        using var reader = new PEReader(new MemoryStream(assembly));
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    // The per-user folders isolated as for every end-to-end test, but no prompts folder: the packaged one must be found.
    private Dictionary<string, string?> ServerEnvironment(TempFolder folder)
    {
        var environment = ServerProcess.IsolatedEnvironment(folder);
        foreach (var (name, value) in tool.NuGetEnvironment())
            environment[name] = value;
        environment["Server__PromptsPath"] = null;
        foreach (var name in new[] { "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT" })
            environment[name] = null;
        return environment;
    }

    private async Task<McpClient> ConnectAsync(string command, IList<string> arguments, TempFolder folder, CancellationToken ct)
    {
        var stderr = new ConcurrentQueue<string>();
        var transport = new SchemaCheckingTransport(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "mcp-openai",
            Command = command,
            Arguments = arguments,
            WorkingDirectory = folder.Path,
            EnvironmentVariables = ServerEnvironment(folder),
            StandardErrorLines = stderr.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        }));
        try
        {
            return await McpClient.CreateAsync(transport, cancellationToken: ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} did not start as an MCP server: {ex.Message}\n{string.Join('\n', stderr)}", ex);
        }
    }
}
