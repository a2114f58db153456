using System.Diagnostics;

namespace McpOpenAI.TestKit.Services;

/// <summary>
/// Finds a program that a Debian package provides and, when it is missing and the tests run as root, installs the
/// package with apt-get (as <c>.ci/run</c> does), bounded in time. Null when it cannot be had.
/// </summary>
public static class DebianPackage
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The full path of <paramref name="program"/> (searched in <paramref name="folders"/>, then on PATH), installing <paramref name="package"/> if needed.</summary>
    public static async Task<string?> FindOrInstallAsync(string program, string package, IEnumerable<string>? folders = null, CancellationToken cancellationToken = default)
    {
        var candidates = (folders ?? []).ToList();
        if (Find(program, candidates) is { } found)
            return found;
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
            return null;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (Find(program, candidates) is { } again)
                return again;
            // The sandbox user cannot write a /tmp that is not world-writable; root runs apt's helpers itself.
            string[] sandbox = ["-o", "APT::Sandbox::User=root"];
            if (await RunAsync("apt-get", [.. sandbox, "install", "-y", "-qq", package], cancellationToken) != 0)
            {
                await RunAsync("apt-get", [.. sandbox, "update", "-qq"], cancellationToken);
                await RunAsync("apt-get", [.. sandbox, "install", "-y", "-qq", package], cancellationToken);
            }
            return Find(program, candidates);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The install command a person would run.</summary>
    public static string InstallCommand(string package) => $"apt-get update && apt-get install -y {package}";

    private static string? Find(string program, IEnumerable<string> folders) =>
        folders.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin"])
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);

    private static async Task<int> RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        try
        {
            return (await ProcessCommand.RunAsync(start, TimeSpan.FromMinutes(5), cancellationToken)).ExitCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return -1;
        }
    }
}
