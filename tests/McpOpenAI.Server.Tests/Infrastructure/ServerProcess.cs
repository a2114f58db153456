using System.Diagnostics;
using McpOpenAI.TestKit.Mcp;
using ModelContextProtocol.Client;

namespace McpOpenAI.Server.Tests.Infrastructure;

/// <summary>Starts the real <c>mcp-openai</c> process over stdio with an isolated home, data, output and prompts folder.</summary>
internal static class ServerProcess
{
    /// <summary>The server's entry assembly, copied beside the tests by the project reference.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "mcp-openai.dll");

    /// <summary>
    /// The server program with its leading arguments: <c>dotnet mcp-openai.dll</c> of this build, or the program that
    /// <c>MCPOPENAI_TEST_SERVER</c> names (a published or installed <c>mcp-openai</c>, the precompiled linux-x64 one say), so
    /// the end-to-end tests can run against what ships.
    /// </summary>
    public static IReadOnlyList<string> Command => TestedBuild is { } program ? [program] : JitCommand;

    /// <summary>The program <c>MCPOPENAI_TEST_SERVER</c> names, if any.</summary>
    public static string? TestedBuild => Environment.GetEnvironmentVariable("MCPOPENAI_TEST_SERVER") is { Length: > 0 } program ? program : null;

    /// <summary>True when the build under test is a native (NativeAOT) program: no <c>mcp-openai.dll</c> beside it.</summary>
    public static bool TestedBuildIsNative =>
        TestedBuild is { } program && !File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(program))!, "mcp-openai.dll"));

    /// <summary><c>dotnet mcp-openai.dll</c> of this build (JIT-compiled), whatever <c>MCPOPENAI_TEST_SERVER</c> says.</summary>
    public static IReadOnlyList<string> JitCommand => ["dotnet", ServerDll];

    /// <summary>A start of <see cref="Command"/> (or <paramref name="command"/>) with its three standard streams redirected.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyList<string>? command = null)
    {
        command ??= Command;
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>The test plugin assembly, loadable through Server:PluginAssemblies.</summary>
    public static string TestPluginsDll => Path.Combine(AppContext.BaseDirectory, "McpOpenAI.TestPlugins.dll");

    public static Task<StdioServerSession> StartAsync(TempFolder folder, IDictionary<string, string?>? environment = null,
        IEnumerable<string>? arguments = null, McpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var env = IsolatedEnvironment(folder);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            env[key] = value;
        return StdioServerSession.StartAsync(Command, env, arguments, options, cancellationToken);
    }

    /// <summary>Points every per-user location of the server into the folder.</summary>
    public static Dictionary<string, string?> IsolatedEnvironment(TempFolder folder) => new()
    {
        ["HOME"] = folder.Path,
        ["XDG_CONFIG_HOME"] = Path.Combine(folder.Path, "config"),
        ["XDG_DATA_HOME"] = Path.Combine(folder.Path, "data"),
        ["Server__PromptsPath"] = Path.Combine(folder.Path, "prompts"),
        ["Server__OutputFolder"] = Path.Combine(folder.Path, "out"),
        ["DOTNET_NOLOGO"] = "1",
    };
}
