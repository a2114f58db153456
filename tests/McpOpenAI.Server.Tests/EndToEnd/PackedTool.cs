using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using McpOpenAI.Server.Tests.Clients;
using McpOpenAI.Server.Tests.Infrastructure;

namespace McpOpenAI.Server.Tests.EndToEnd;

/// <summary>
/// The server as a user gets it: <c>dotnet pack</c> of src/McpOpenAI.Server into a temporary package folder (the McpOpenAI
/// pointer package, McpOpenAI.linux-x64 compiled with NativeAOT and the framework-dependent McpOpenAI.any), then
/// <c>dotnet tool install --tool-path</c> from that folder alone — of McpOpenAI, which picks the package for this machine, and
/// of McpOpenAI.any, the fallback every other platform gets. NuGet sees only that folder (a nuget.config that clears
/// every other source) and its own temporary global-packages folder, so no registry is asked and no stale McpOpenAI from
/// the machine's cache is used; a tool package carries all it needs, so nothing else has to be restored.
/// The native compile inside the pack takes minutes of CPU, so it runs at the lowest priority (nice 19) beside the other tests.
/// With <c>MCPOPENAI_TEST_KEEP_FEED</c> set to a folder, the packages and the pack's output (pack.log) are copied there:
/// .ci/run installs the native command from them for its native end-to-end run, instead of compiling it a second time.
/// </summary>
public sealed class PackedTool : IAsyncLifetime
{
    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(2);

    private readonly TempFolder _folder = new();

    /// <summary>The folder that <c>dotnet pack -o</c> wrote, the only package source.</summary>
    public string Feed => _folder.Combine("feed");

    /// <summary>The nuget.config naming <see cref="Feed"/> as the only source.</summary>
    public string NuGetConfig => _folder.Combine("nuget.config");

    /// <summary>Where <c>dotnet tool install --tool-path</c> put the tool; <c>.store</c> below it holds the package.</summary>
    public string ToolPath => _folder.Combine("tools");

    /// <summary>Where the fallback package McpOpenAI.any was installed.</summary>
    public string FallbackToolPath => _folder.Combine("tools-any");

    /// <summary>The installed command.</summary>
    public string Command => CommandIn(ToolPath);

    /// <summary>The command installed from McpOpenAI.any.</summary>
    public string FallbackCommand => CommandIn(FallbackToolPath);

    /// <summary>The pointer package McpOpenAI, the one users name; it names a package per runtime identifier.</summary>
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

        // Release, as users pack it. Each RID-specific package is packed
        // from its own publish folder (bin/<configuration>/net10.0/<rid>/publish), emptied first so the package holds exactly
        // this publish; one PublishDir for all would let the two publishes overwrite each other. No restore (the test build
        // did it), no build servers left running afterwards.
        var project = Path.Combine(RepositoryRoot(), "src", "McpOpenAI.Server");
        foreach (var rid in new[] { "linux-x64", "any" })
        {
            var publish = Path.Combine(project, "bin", Configuration, "net10.0", rid, "publish");
            if (Directory.Exists(publish))
                Directory.Delete(publish, recursive: true);
        }
        var clock = Stopwatch.StartNew();
        string[] pack = ["dotnet", "pack", project, "-c", Configuration, "-o", Feed, "--no-restore", "--disable-build-servers", "-nodeReuse:false"];
        var output = await RunAsync(OperatingSystem.IsWindows() ? pack[0] : "nice", OperatingSystem.IsWindows() ? pack[1..] : ["-n", "19", .. pack],
            environment: [], PackLimit);
        PackTime = clock.Elapsed;
        if (Environment.GetEnvironmentVariable("MCPOPENAI_TEST_KEEP_FEED") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            foreach (var package in Directory.GetFiles(Feed, "*.nupkg"))
                File.Copy(package, Path.Combine(keep, Path.GetFileName(package)), overwrite: true);
            File.WriteAllText(Path.Combine(keep, "pack.log"), output);
        }
        Package = Assert.Single(Directory.GetFiles(Feed, "McpOpenAI.*.nupkg"), p => char.IsAsciiDigit(Path.GetFileName(p)["McpOpenAI.".Length]));
        Version = Metadata("version").Value;

        clock.Restart();
        await RunAsync("dotnet", ["tool", "install", "McpOpenAI", "--tool-path", ToolPath, "--configfile", NuGetConfig, "--version", Version],
            NuGetEnvironment(), InstallLimit);
        InstallTime = clock.Elapsed;
        await RunAsync("dotnet", ["tool", "install", "McpOpenAI.any", "--tool-path", FallbackToolPath, "--configfile", NuGetConfig, "--version", Version],
            NuGetEnvironment(), InstallLimit);
    }

    /// <summary>The package for one runtime identifier (<c>linux-x64</c>, <c>any</c>).</summary>
    public string RidPackage(string rid) => Path.Combine(Feed, $"McpOpenAI.{rid}.{Version}.nupkg");

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

    /// <summary>The entry at <paramref name="path"/> of <paramref name="package"/> (default <see cref="Package"/>) as bytes.</summary>
    public byte[] ReadBytes(string path, string? package = null)
    {
        package ??= Package;
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(path) ?? throw new InvalidOperationException($"{Path.GetFileName(package)} has no {path}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The entry at <paramref name="path"/> of <paramref name="package"/> (default <see cref="Package"/>) as text.</summary>
    public string ReadEntry(string path, string? package = null)
    {
        using var reader = new StreamReader(new MemoryStream(ReadBytes(path, package)));
        return reader.ReadToEnd();
    }

    public IReadOnlyList<string> Entries(string? package = null)
    {
        using var zip = ZipFile.OpenRead(package ?? Package);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>The nuspec's metadata element of that name (id, version, license, packageTypes…).</summary>
    public XElement Metadata(string name, string? package = null)
    {
        package ??= Package;
        var nuspec = Entries(package).Single(e => e.EndsWith(".nuspec", StringComparison.Ordinal) && !e.Contains('/'));
        return XDocument.Parse(ReadEntry(nuspec, package)).Root!.Elements().Single(e => e.Name.LocalName == "metadata")
            .Elements().Single(e => e.Name.LocalName == name);
    }

    private static string CommandIn(string toolPath) => Path.Combine(toolPath, OperatingSystem.IsWindows() ? "mcp-openai.exe" : "mcp-openai");

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

    // The configuration users get (README: dotnet pack -c Release), whichever one the tests were built in.
    private const string Configuration = "Release";

    // This file is tests/McpOpenAI.Server.Tests/EndToEnd/PackedTool.cs of the repository it was built from.
    internal static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}

/// <summary>
/// The tests that build from src/McpOpenAI.Server in Release for linux-x64 (the tool packages, the container image): one after
/// another, after one pack, so they share its NativeAOT compile and never build in the same folders at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ToolPackageCollection : ICollectionFixture<PackedTool>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Tool package";
}
