using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using McpOpenAI.Server.Tests.Clients;
using McpOpenAI.Server.Tests.Infrastructure;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>
/// The server as a user gets it: <c>dotnet pack</c> of src/McpOpenAI.Server into a temporary package folder, then
/// <c>dotnet tool install --tool-path</c> from that folder alone. NuGet sees only that folder (a nuget.config that clears
/// every other source) and its own temporary global-packages folder, so no registry is asked and no stale McpOpenAI from
/// the machine's cache is used; a tool package carries all it needs, so nothing else has to be restored.
/// </summary>
public sealed class PackedTool : IAsyncLifetime
{
    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(2);

    private readonly TempFolder _folder = new();

    /// <summary>The folder that <c>dotnet pack -o</c> wrote, the only package source.</summary>
    public string Feed => _folder.Combine("feed");

    /// <summary>The nuget.config naming <see cref="Feed"/> as the only source.</summary>
    public string NuGetConfig => _folder.Combine("nuget.config");

    /// <summary>Where <c>dotnet tool install --tool-path</c> put the tool; <c>.store</c> below it holds the package.</summary>
    public string ToolPath => _folder.Combine("tools");

    /// <summary>The installed command.</summary>
    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "mcp-openai.exe" : "mcp-openai");

    /// <summary>The .nupkg file.</summary>
    public string Package { get; private set; } = "";

    /// <summary>The version in the package's nuspec.</summary>
    public string Version { get; private set; } = "";

    /// <summary>How long <c>dotnet pack</c> took.</summary>
    public TimeSpan PackTime { get; private set; }

    /// <summary>How long <c>dotnet tool install</c> took.</summary>
    public TimeSpan InstallTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        // The test's own configuration, so the build is the one dotnet test just made; PublishDir is fresh so the package
        // holds exactly this publish. No restore (the test build did it), no build servers left running afterwards.
        var clock = Stopwatch.StartNew();
        await RunAsync("dotnet", ["pack", Path.Combine(RepositoryRoot(), "src", "McpOpenAI.Server"), "-c", Configuration, "-o", Feed,
            "--no-restore", "--disable-build-servers", "-nodeReuse:false", $"-p:PublishDir={_folder.Combine("publish")}/"],
            environment: [], PackLimit);
        PackTime = clock.Elapsed;
        Package = Assert.Single(Directory.GetFiles(Feed, "McpOpenAI.*.nupkg"));
        Version = Metadata("version").Value;

        clock.Restart();
        await RunAsync("dotnet", ["tool", "install", "McpOpenAI", "--tool-path", ToolPath, "--configfile", NuGetConfig, "--version", Version],
            NuGetEnvironment(), InstallLimit);
        InstallTime = clock.Elapsed;
    }

    /// <summary>A home, a NuGet global-packages folder and CLI settings of this fixture's own, for dotnet tool and dnx.</summary>
    public Dictionary<string, string?> NuGetEnvironment() => new()
    {
        ["HOME"] = _folder.Combine("home"),
        ["DOTNET_CLI_HOME"] = _folder.Combine("home"),
        ["NUGET_PACKAGES"] = _folder.Combine("packages"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_ADD_GLOBAL_TOOLS_TO_PATH"] = "false",
    };

    /// <summary>The package's entry at <paramref name="path"/> as text.</summary>
    public string ReadEntry(string path)
    {
        using var zip = ZipFile.OpenRead(Package);
        var entry = zip.GetEntry(path) ?? throw new InvalidOperationException($"{Path.GetFileName(Package)} has no {path}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    public IReadOnlyList<string> Entries()
    {
        using var zip = ZipFile.OpenRead(Package);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>The nuspec's metadata element of that name (id, version, license, packageTypes…).</summary>
    public XElement Metadata(string name) =>
        XDocument.Parse(ReadEntry("McpOpenAI.nuspec")).Root!.Elements().Single(e => e.Name.LocalName == "metadata")
            .Elements().Single(e => e.Name.LocalName == name);

    /// <summary>Runs a command to its end within <paramref name="limit"/>; a failure or overrun throws with its output.</summary>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>> environment,
        TimeSpan limit, string? workingDirectory = null, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        }.WithEnvironment(environment);
        using var process = Process.Start(start)!;
        var reads = ReadBothAsync(process);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(limit);
        var command = $"{fileName} {string.Join(' ', start.ArgumentList)}";
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
                throw;
            throw new TimeoutException($"{command} took over {limit}.");
        }
        var (output, error) = await reads;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} exited with {process.ExitCode}.\n{output}\n{error}");
        return output;
    }

    private static async Task<(string Output, string Error)> ReadBothAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        return (await output, await error);
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    // This file is tests/McpOpenAI.Server.Tests/EndToEnd/PackedTool.cs of the repository it was built from.
    private static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
